package dev.vmscope.app.cli;

import dev.vmscope.app.reader.LiveOpener;
import dev.vmscope.app.reader.ReaderLauncher;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Progress;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.format.SourceSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** What every command takes: the source and how to open it, and {@code --json}. */
final class SourceOptions {

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "A dump file in any supported format (told by its content), or FILE@ADDR for a raw image of physical memory from ADDR.")
    String source;

    @Option(names = "--vmcoreinfo", paramLabel = "FILE",
            description = "Use this VMCOREINFO text instead of (or where the dump lacks) its own.")
    Path vmcoreinfo;

    @Option(names = "--root", paramLabel = "ADDR",
            description = "Physical (machine, for Xen) address of the top-level page table to use instead of the kernel's.")
    String root;

    @Option(names = "--cpu", paramLabel = "N",
            description = "Use CPU N's page-table root (CR3 / TTBR) from the dump's notes.")
    Integer cpu;

    @Option(names = "--json", description = "Print exactly one JSON document.")
    boolean json;

    /** Checks the options before anything is opened. */
    void check() {
        if (cpu != null && cpu < 0) {
            throw CliFailure.usage("--cpu " + cpu + ": a CPU number is 0 or more");
        }
        withoutCpu();
    }

    /** The options as given, {@code --cpu} included. */
    OpenOptions openOptions() {
        OpenOptions o = withoutCpu();
        return cpu == null ? o : o.withCpu(cpu);
    }

    /** The options without {@code --cpu}, for commands that use it for something else. */
    OpenOptions withoutCpu() {
        OpenOptions o = OpenOptions.DEFAULT;
        if (vmcoreinfo != null) {
            o = o.withVmcoreinfo(vmcoreinfo);
        }
        if (root != null) {
            o = o.withRoot(Addresses.parse(root, "--root"));
        }
        return o;
    }

    Session open(Progress progress) {
        return open(openOptions(), progress);
    }

    Session openWithoutCpu(Progress progress) {
        return open(withoutCpu(), progress);
    }

    /** The dump alone, its kernel not looked for (a live source opens as usual: it has no other way in). */
    Session openMemoryOnly(Progress progress) {
        if (LiveOpener.handles(source)) {
            return open(progress);
        }
        return Session.memoryOnly(DumpFormats.open(spec(), openOptions().zeroExcluded(), progress));
    }

    /** A dump file, or a live source ({@code live}, /proc/kcore, /dev/mem, /dev/crash) through the read-only reader. */
    private Session open(OpenOptions o, Progress progress) {
        if (LiveOpener.handles(source)) {
            return LiveOpener.open(source, o, ReaderLauncher.Frontend.CLI);
        }
        return Session.open(DumpFormats.open(spec(), o.zeroExcluded(), progress), o, progress);
    }

    /** The SOURCE as a file, or {@code FILE@ADDR} for a raw image of physical memory from {@code ADDR}. */
    SourceSpec spec() {
        return SourceSpec.parse(source);
    }
}
