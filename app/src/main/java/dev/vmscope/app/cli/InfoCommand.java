package dev.vmscope.app.cli;

import dev.vmscope.core.Session;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code vmscope info SOURCE}: what the dump is and what it says about its kernel (like crash {@code help -n} and {@code mach}). */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Format, architecture, paging mode, page size, CPUs, kernel release, physical ranges, "
                + "notes, VMCOREINFO and Xen facts of SOURCE.")
final class InfoCommand extends SourceCommand {

    InfoCommand(Streams io) {
        super(io);
    }

    @Override
    int run(Session session) {
        DumpSummary summary = DumpSummary.of(session);
        if (options.json) {
            try (Json j = io.json()) {
                InfoJson.write(summary, j);
            }
        } else {
            PrintWriter w = io.text();
            InfoText.write(summary, w);
            io.finish(w);
        }
        return 0;
    }
}
