package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.Progress;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.convert.ConvertOptions;
import dev.vmscope.core.format.convert.ConvertResult;
import dev.vmscope.core.format.convert.DumpConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code vmscope convert SOURCE --to elf|raw OUT}: writes the dump's memory as an ELF vmcore or a raw
 * image, with a progress bar on a terminal; {@code --to kdump} writes a flattened compressed kdump back as
 * the compressed kdump it stands for. OUT is never the source (nor a link to it); it appears only
 * when complete, and an interrupted conversion leaves nothing behind.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Write the dump's memory in another format: an ELF vmcore or a raw image of physical memory.",
                "--to kdump writes a flattened compressed kdump (makedumpfile -F, QEMU's kdump formats) back as the "
                        + "compressed kdump it stands for, as makedumpfile -R does."})
final class ConvertCommand extends SourceCommand {

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write (never the source).")
    String out;

    @Option(names = "--to", required = true, paramLabel = "elf|raw|kdump", description = "The format to write.")
    String to;

    @Option(names = "--zero-fill", description = "Write pages that filtering excluded as zeros instead of leaving them out.")
    boolean zeroFill;

    private ConvertOptions convert;
    private Path output;

    ConvertCommand(Streams io) {
        super(io);
    }

    @Override
    void validate() {
        convert = switch (to.toLowerCase(Locale.ROOT)) {
            case "elf" -> ConvertOptions.elf();
            case "raw" -> ConvertOptions.raw();
            case "kdump" -> ConvertOptions.kdump();
            default -> throw CliFailure.usage("--to " + to + ": the formats are elf, raw and kdump");
        };
        if (zeroFill && convert.target() == ConvertOptions.Target.KDUMP) {
            throw CliFailure.usage("--zero-fill: a rearranged kdump keeps the pages its source has, it cannot add any");
        }
        convert = convert.withZeroFillExcluded(zeroFill);
        output = Path.of(out);
    }

    /** Writing a flattened kdump back copies its records: the kernel need not be found first. */
    @Override
    Session open() {
        return convert.target() == ConvertOptions.Target.KDUMP ? options.openMemoryOnly(progress) : super.open();
    }

    @Override
    int run(Session session) {
        ConvertResult result;
        try (CancelOnInterrupt p = new CancelOnInterrupt(progress)) {
            result = DumpConverter.convert(session.dump(), List.of(options.spec().path()), output, convert, p);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage() + " (" + session.dump().source() + ")");
        } catch (MemoryAccessException e) {
            throw CliFailure.usage("a page of the source cannot be read: " + e.getMessage() + " (" + session.dump().source() + ")");
        } catch (Progress.CancelledException e) {
            throw CliFailure.usage("convert interrupted: " + output + " was not written");
        } finally {
            Streams.endProgress(progress);
        }
        if (options.json) {
            try (Json j = io.json()) {
                j.startObject().string("output", result.output().toString())
                        .string("format", result.target().name().toLowerCase(Locale.ROOT))
                        .number("fileSize", result.fileSize()).number("memoryBytes", result.memoryBytes())
                        .number("segments", result.segments());
                if (result.target() == ConvertOptions.Target.RAW) {
                    j.hex("rawBase", result.rawBase()).string("openAs", openAs(result));
                }
                j.endObject();
            }
        } else {
            PrintWriter w = io.text();
            w.println(describe(result, session.memory().space().word()));
            io.finish(w);
        }
        return 0;
    }

    private static String describe(ConvertResult r, String space) {
        String memory = Sizes.of(r.memoryBytes()) + " of " + space + " memory";
        if (!Files.isRegularFile(r.output())) {
            return "wrote " + article(r.target()) + " into " + r.output()
                    + " (not a file: written front to back, holes as zeros): " + memory + ", " + Sizes.of(r.fileSize());
        }
        return switch (r.target()) {
            case ELF -> "wrote ELF vmcore " + r.output() + ": " + memory + " in " + r.segments() + " PT_LOAD segments, "
                    + Sizes.of(r.fileSize()) + " file";
            case RAW -> "wrote raw image " + r.output() + ": " + memory + " from " + space + " " + Hex.of(r.rawBase())
                    + ", " + Sizes.of(r.fileSize()) + " file (sparse where the dump has holes); open it as " + openAs(r);
            case KDUMP -> "wrote compressed kdump " + r.output() + ": " + memory + ", " + Sizes.of(r.fileSize())
                    + " file rearranged from " + r.segments() + " pieces of flattened records";
        };
    }

    private static String article(ConvertOptions.Target t) {
        return switch (t) {
            case ELF -> "an ELF vmcore";
            case RAW -> "a raw image";
            case KDUMP -> "a compressed kdump";
        };
    }

    private static String openAs(ConvertResult r) {
        return r.output() + "@" + Hex.of(r.rawBase());
    }
}
