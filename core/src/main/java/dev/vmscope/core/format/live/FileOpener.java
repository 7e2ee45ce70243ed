package dev.vmscope.core.format.live;

import dev.vmscope.core.io.PositionalStorage;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * How the live code opens a file or device. There is one production opener, {@link #SYSTEM}; tests
 * put a fake machine (a kernel's refusals, a synthesized /proc/kcore) or a recorder behind it.
 */
@FunctionalInterface
public interface FileOpener {
    /** The only options the live code ever asks for. */
    Set<StandardOpenOption> READ_ONLY = Set.of(StandardOpenOption.READ);

    /** Opens with a read-only {@link java.nio.channels.FileChannel}. */
    FileOpener SYSTEM = ChannelSource::open;

    /**
     * @param options always {@link #READ_ONLY} from the live code
     * @throws IOException as the operating system refused, e.g. {@link java.nio.file.NoSuchFileException}
     */
    PositionalStorage.Source open(Path path, Set<StandardOpenOption> options) throws IOException;
}
