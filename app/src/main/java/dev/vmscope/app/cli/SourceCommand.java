package dev.vmscope.app.cli;

import dev.vmscope.core.Session;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** A command that opens one source; the source is closed whatever happens. Returns the exit status. */
abstract class SourceCommand implements Callable<Integer> {
    @Mixin
    SourceOptions options;

    final Streams io;

    SourceCommand(Streams io) {
        this.io = io;
    }

    /** Checks the arguments that need no source, before the source is opened. */
    void validate() {
    }

    /** Opens the session the command works on; commands that use {@code --cpu} otherwise override it. */
    Session open() {
        return options.open();
    }

    abstract int run(Session session);

    @Override
    public final Integer call() {
        options.check();
        try {
            validate();
            try (Session session = open()) {
                return run(session);
            }
        } finally {
            release();
        }
    }

    /** Closes what {@link #validate} opened, whatever happened after. */
    void release() {
    }

    /** The SOURCE argument as given, for messages; null before parsing. */
    String sourceName() {
        return options == null ? null : options.source;
    }
}
