package dev.vmscope.app.gui;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.ByteArrayStorage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/** Something the window can open: a file or device, or the teaching sample bundled with the program. */
public sealed interface Source permits Source.File, Source.Bundled, Source.Live {

    /** The name shown in the title, the status bar and messages. */
    String name();

    /** Opens it; reads headers only. Runs off the FX thread. */
    Session open();

    /** What the status bar says while it opens. */
    default String waiting() {
        return "Opening " + name() + " …";
    }

    /**
     * This machine's memory: {@code live}, {@code /proc/kcore}, {@code /dev/mem} or {@code /dev/crash},
     * read through the privileged reader (which may first ask for a password).
     *
     * @param opener opens the live source by its name (the reader in the program, a fake machine in tests)
     */
    record Live(String source, java.util.function.Function<String, Session> opener) implements Source {
        public Live {
            Objects.requireNonNull(source);
            Objects.requireNonNull(opener);
        }

        @Override
        public String name() {
            return source;
        }

        @Override
        public String waiting() {
            return "Waiting for the reader of " + source + " (it may ask for a password) …";
        }

        @Override
        public Session open() {
            return opener.apply(source);
        }
    }

    /** A dump file or a device, by path. */
    record File(Path path) implements Source {
        public File {
            Objects.requireNonNull(path);
        }

        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public Session open() {
            return Session.open(path, OpenOptions.DEFAULT);
        }
    }

    /**
     * A dump shipped inside the program as a class-path resource, read into memory.
     *
     * @param resource the resource's absolute name
     */
    record Bundled(String resource) implements Source {
        /** The x86-64 teaching sample. */
        public static final Bundled TEACHING = new Bundled("/dev/vmscope/resources/samples/x86_64-teaching.vmcore");

        /** Whether this build carries the resource. */
        public boolean present() {
            return Bundled.class.getResource(resource) != null;
        }

        @Override
        public String name() {
            return resource.substring(resource.lastIndexOf('/') + 1) + " (bundled sample)";
        }

        @Override
        public Session open() {
            try (InputStream in = Bundled.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new UncheckedIOException("the bundled sample " + resource + " is not in this build",
                            new FileNotFoundException("not on the class path"));
                }
                return Session.open(new ByteArrayStorage(name(), in.readAllBytes()), OpenOptions.DEFAULT);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled sample " + resource, e);
            }
        }
    }
}
