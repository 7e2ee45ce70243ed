package dev.vmscope.core.format.live;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What this process may do, from the {@code Uid:} and {@code CapEff:} lines of /proc/self/status:
 * opening /proc/kcore, /dev/mem and /dev/crash needs CAP_SYS_RAWIO (and, for the files' modes, root).
 */
public record ProcessRights(OptionalLong effectiveUid, OptionalLong effectiveCapabilities) {
    public static final String PATH = "/proc/self/status";
    /** Bit number of CAP_SYS_RAWIO in the capability sets. */
    public static final int CAP_SYS_RAWIO = 17;

    public static ProcessRights parse(String status) {
        OptionalLong uid = OptionalLong.empty();
        OptionalLong caps = OptionalLong.empty();
        for (String line : status.split("\n")) {
            String[] words = line.strip().split("\\s+");
            try {
                if (words[0].equals("Uid:") && words.length >= 3) {
                    uid = OptionalLong.of(Long.parseLong(words[2]));
                } else if (words[0].equals("CapEff:") && words.length >= 2) {
                    caps = OptionalLong.of(Long.parseUnsignedLong(words[1], 16));
                }
            } catch (NumberFormatException ignored) {
                // a line this version does not understand says nothing about rights
            }
        }
        return new ProcessRights(uid, caps);
    }

    /** Nothing known (no /proc/self/status). */
    public static ProcessRights unknown() {
        return new ProcessRights(OptionalLong.empty(), OptionalLong.empty());
    }

    /** Whether CAP_SYS_RAWIO is effective; empty when unknown. */
    public Optional<Boolean> hasRawIo() {
        return effectiveCapabilities.isPresent()
                ? Optional.of((effectiveCapabilities.getAsLong() & (1L << CAP_SYS_RAWIO)) != 0)
                : Optional.empty();
    }

    /** Whether the process is root with CAP_SYS_RAWIO, as the live sources need. */
    public boolean privileged() {
        return effectiveUid.isPresent() && effectiveUid.getAsLong() == 0 && hasRawIo().orElse(false);
    }

    /** Why opening a live source was denied, in words. */
    public String deniedBecause() {
        if (hasRawIo().isPresent() && !hasRawIo().get()) {
            return "permission denied: this process lacks CAP_SYS_RAWIO"
                    + (effectiveUid.isPresent() && effectiveUid.getAsLong() != 0 ? " and is not root" : "");
        }
        if (effectiveUid.isPresent() && effectiveUid.getAsLong() != 0) {
            return "permission denied: live memory is readable by root only";
        }
        return "permission denied (live sources need root with CAP_SYS_RAWIO)";
    }
}
