package dev.vmscope.core.format;

import dev.vmscope.core.io.Storage;

/**
 * One dump format. {@link #claims} looks at a few header bytes and says "mine" or not (never an
 * error); once a format claims a source, {@link #open} reports every problem as a
 * {@link dev.vmscope.core.DumpFormatException}.
 */
public interface DumpFormat {

    /** A short name for messages, e.g. "ELF core". */
    String name();

    boolean claims(Storage storage);

    Dump open(Storage storage);
}
