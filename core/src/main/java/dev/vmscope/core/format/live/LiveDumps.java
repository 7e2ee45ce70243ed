package dev.vmscope.core.format.live;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpIoException;
import dev.vmscope.core.UnsupportedDumpException;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.FormatField;
import elf4j.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Opens the running kernel's memory: {@code live} (the best source this machine allows, in the
 * order /proc/kcore, /dev/mem, /dev/crash), or one of those paths ({@code /dev/mem} falls back to
 * /proc/kcore). Every open is read-only. The dump it returns holds physical memory, reads it anew each
 * time (live memory changes), and says in its header which source was chosen, why, and what was
 * refused.
 */
public final class LiveDumps {
    private static final Logger LOG = Logger.instance();

    private LiveDumps() {
    }

    /** Opens a live source of this machine. */
    public static Dump open(String source) {
        return open(MachineRoot.system(), source);
    }

    /**
     * @param source {@code live}, {@code /proc/kcore}, {@code /dev/mem} or {@code /dev/crash}
     * @throws DumpIoException when no candidate can be read, naming each and why
     * @throws IllegalArgumentException when the name is not a live source
     */
    public static Dump open(MachineRoot root, String source) {
        LiveMachine machine = LiveMachine.inspect(root);
        List<Refusal> refused = new ArrayList<>();
        for (LiveSourceKind kind : LiveSourceKind.candidates(source)) {
            Attempt attempt = kind == LiveSourceKind.KCORE ? KcoreSource.open(machine) : PhysicalDeviceSource.open(kind, machine);
            switch (attempt) {
                case Attempt.Opened opened -> {
                    return dump(source, opened.source(), refused, machine);
                }
                case Attempt.Refused r -> {
                    LOG.atInfo().log("live source {} refused: {}", kind.path(), r.refusal().reason());
                    refused.add(r.refusal());
                }
            }
        }
        throw noSource(source, refused);
    }

    /** Whether a dump is a live source (its memory changes while it is read). */
    public static boolean isLive(Dump dump) {
        return LiveSourceKind.ofFormat(dump.format()).isPresent();
    }

    private static Dump dump(String asked, OpenedSource s, List<Refusal> refused, LiveMachine machine) {
        Architecture arch = s.architecture().orElseThrow(() -> {
            s.storage().close();
            return new UnsupportedDumpException(s.name(), 0,
                    "the live kernel's architecture (no VMCOREINFO says it and this JVM runs on " + System.getProperty("os.arch") + ")");
        });
        List<FormatField> header = new ArrayList<>(LiveHeader.fields(asked, s, refused, machine));
        header.addAll(s.fields());
        LOG.atInfo().log("live source {} opened: {}", s.kind().path(), LiveHeader.why(asked, s.kind(), refused));
        return new Dump(s.name(), s.kind().format(), "none", arch, s.memory(), s.notes(), List.of(), s.vmcoreinfo(),
                header, s.storage());
    }

    private static DumpIoException noSource(String asked, List<Refusal> refused) {
        String reasons = refused.stream().map(r -> r.kind().path().equals(asked) ? r.reason() : r.describe())
                .collect(Collectors.joining("; "));
        IOException cause = new IOException(reasons);
        refused.stream().flatMap(r -> r.cause().stream()).forEach(cause::addSuppressed);
        return new DumpIoException(asked, "cannot read live memory", cause);
    }
}
