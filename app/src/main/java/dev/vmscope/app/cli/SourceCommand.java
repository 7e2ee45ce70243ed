package dev.vmscope.app.cli;

import dev.vmscope.core.Progress;
import dev.vmscope.core.Session;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** A command that opens one source; the source is closed whatever happens. Returns the exit status. */
abstract class SourceCommand implements Callable<Integer> {
    @Mixin
    SourceOptions options;

    final Streams io;

    /** A bar on a terminal's standard error for long work (opening, enumerations); nothing otherwise. */
    Progress progress = Progress.NONE;

    SourceCommand(Streams io) {
        this.io = io;
    }

    /** Checks the arguments that need no source, before the source is opened. */
    void validate() {
    }

    /** Opens the session the command works on; commands that use {@code --cpu} otherwise override it. */
    Session open() {
        return options.open(progress);
    }

    abstract int run(Session session);

    @Override
    public final Integer call() {
        options.check();
        progress = io.progress();
        try {
            validate();
            try (Session session = open()) {
                Streams.endProgress(progress);
                return run(session);
            }
        } finally {
            Streams.endProgress(progress);
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
