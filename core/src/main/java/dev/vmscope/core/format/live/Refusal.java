package dev.vmscope.core.format.live;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * Why a live source could not be used, in words, with the operating system's own error when there
 * was one.
 *
 * @param reason what stands in the way and, where it helps, what would open it
 * @param cause  the operating system's error, when there was one
 */
public record Refusal(LiveSourceKind kind, String reason, Optional<IOException> cause) {

    Refusal(LiveSourceKind kind, String reason, IOException cause) {
        this(kind, reason, Optional.of(cause));
    }

    Refusal(LiveSourceKind kind, String reason) {
        this(kind, reason, Optional.empty());
    }

    /** Explains an open that failed, from the error and what is known of the machine. */
    static Refusal ofOpen(LiveSourceKind kind, IOException e, LiveMachine machine) {
        if (e instanceof NoSuchFileException) {
            return new Refusal(kind, "not present (" + absentBecause(kind) + ")", e);
        }
        if (e instanceof AccessDeniedException || notPermitted(e)) {
            if (machine.lockdown().filter(l -> l.closes(kind)).isPresent()) {
                Lockdown l = machine.lockdown().get();
                return new Refusal(kind, "the kernel is locked down in " + l.word() + " mode, which closes "
                        + kind.path() + " even to root", e);
            }
            return new Refusal(kind, machine.rights().deniedBecause(), e);
        }
        return new Refusal(kind, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }

    private static boolean notPermitted(IOException e) {
        return e instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("not permitted");
    }

    private static String absentBecause(LiveSourceKind kind) {
        return switch (kind) {
            case KCORE -> "the kernel is built without CONFIG_PROC_KCORE";
            case DEVMEM -> "the kernel is built without CONFIG_DEVMEM";
            case CRASH -> "the crash driver module is not loaded: modprobe crash";
        };
    }

    /** {@code /dev/mem: reason}. */
    public String describe() {
        return kind.path() + ": " + reason;
    }
}
