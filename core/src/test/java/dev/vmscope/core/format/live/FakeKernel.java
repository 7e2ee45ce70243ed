package dev.vmscope.core.format.live;

/**
 * The settings of the kernel a {@link FakeRoot} plays: what it refuses and how its /proc/kcore header
 * looks. Its policy is written out in {@link FakeRoot} from the kernel's rules, apart from the code
 * under test.
 *
 * @param lockdown     the lockdown mode the kernel enforces (and shows in /sys/kernel/security/lockdown)
 * @param strictDevmem CONFIG_STRICT_DEVMEM: /dev/mem refuses RAM above 1 MiB with EPERM
 * @param crashDriver  the crash driver module is loaded (/dev/crash exists)
 * @param rawIo        the reading process has CAP_SYS_RAWIO
 * @param kcore        the shape of /proc/kcore's header
 */
public record FakeKernel(Lockdown lockdown, boolean strictDevmem, boolean crashDriver, boolean rawIo, KcoreHeader kcore) {

    /** /proc/kcore headers of different kernel versions. */
    public enum KcoreHeader {
        /** The corpus machine's own header (Linux 6.1). */
        MODERN,
        /** Every p_paddr -1, as before Linux 4.11. */
        NO_PHYSICAL_ADDRESSES,
        /** No VMCOREINFO note, as before Linux 4.19. */
        NO_VMCOREINFO_NOTE
    }

    /** A kernel that lets root read everything. */
    public static final FakeKernel OPEN = new FakeKernel(Lockdown.NONE, false, false, true, KcoreHeader.MODERN);

    public FakeKernel withLockdown(Lockdown mode) {
        return new FakeKernel(mode, strictDevmem, crashDriver, rawIo, kcore);
    }

    public FakeKernel withStrictDevmem() {
        return new FakeKernel(lockdown, true, crashDriver, rawIo, kcore);
    }

    public FakeKernel withCrashDriver() {
        return new FakeKernel(lockdown, strictDevmem, true, rawIo, kcore);
    }

    public FakeKernel withoutRawIo() {
        return new FakeKernel(lockdown, strictDevmem, crashDriver, false, kcore);
    }

    public FakeKernel withKcore(KcoreHeader header) {
        return new FakeKernel(lockdown, strictDevmem, crashDriver, rawIo, header);
    }
}
