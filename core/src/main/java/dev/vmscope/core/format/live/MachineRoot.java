package dev.vmscope.core.format.live;

import dev.vmscope.core.io.PositionalStorage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The machine whose live memory is read: every path the live code reads (/proc/kcore, /proc/iomem,
 * /sys/kernel/vmcoreinfo, /dev/mem, ...) is resolved under one root directory, {@code /} on a real
 * machine, and opened read-only through one {@link FileOpener}.
 */
public final class MachineRoot {
    /** Kernel text files the live code reads are small; anything larger is not what it seems. */
    static final int MAX_TEXT = 4 << 20;

    private final Path directory;
    private final FileOpener opener;

    public MachineRoot(Path directory, FileOpener opener) {
        this.directory = directory.toAbsolutePath().normalize();
        this.opener = Objects.requireNonNull(opener);
    }

    /** This machine: paths as they are, opened with {@link FileOpener#SYSTEM}. */
    public static MachineRoot system() {
        return new MachineRoot(Path.of("/"), FileOpener.SYSTEM);
    }

    public Path directory() {
        return directory;
    }

    public boolean isSystem() {
        return directory.getParent() == null;
    }

    /**
     * Where an absolute machine path lies under the root.
     *
     * @throws IllegalArgumentException for a relative path or one that climbs out with {@code ..}
     */
    public Path resolve(String machinePath) {
        if (!machinePath.startsWith("/") || machinePath.contains("/../") || machinePath.endsWith("/..")) {
            throw new IllegalArgumentException("not an absolute machine path: " + machinePath);
        }
        return directory.resolve(machinePath.substring(1));
    }

    /** The name of a machine path in messages: the path itself on this machine, the resolved file otherwise. */
    public String describe(String machinePath) {
        return resolve(machinePath).toString();
    }

    /** Opens a file or device read-only for positional reads. */
    public PositionalStorage.Source open(String machinePath) throws IOException {
        return opener.open(resolve(machinePath), FileOpener.READ_ONLY);
    }

    /**
     * The text of a small kernel file, read to its end (/proc and /sys files report size 0).
     *
     * @return empty when the file does not exist
     * @throws IOException when it exists but cannot be read, or is larger than {@value #MAX_TEXT} bytes
     */
    public Optional<String> readText(String machinePath) throws IOException {
        PositionalStorage.Source source;
        try {
            source = open(machinePath);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try (source) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long position = 0;
            int n;
            while ((n = source.read(position, buffer, 0, buffer.length)) > 0) {
                out.write(buffer, 0, n);
                position += n;
                if (position > MAX_TEXT) {
                    throw new IOException(describe(machinePath) + " is larger than " + MAX_TEXT + " bytes");
                }
            }
            return Optional.of(out.toString(StandardCharsets.ISO_8859_1));
        }
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
