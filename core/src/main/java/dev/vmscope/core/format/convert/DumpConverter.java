package dev.vmscope.core.format.convert;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Progress;
import dev.vmscope.core.format.Dump;
import elf4j.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an opened dump's memory in another format: an ELF vmcore (one PT_NOTE with all the dump's
 * notes, VMCOREINFO as a note when the dump had it elsewhere, one PT_LOAD per run of present memory) or
 * a raw image (sparse where the dump has holes), or — for a flattened compressed kdump — the compressed kdump
 * it stands for ({@link RearrangedKdump}). Pages are read — and decompressed — on several threads
 * and written in order; progress is reported and the work can be cancelled. The output is never one of
 * the sources, and appears under its name only when complete.
 */
public final class DumpConverter {
    private static final Logger LOG = Logger.instance();

    private DumpConverter() {
    }

    /**
     * @param sources the files the dump was opened from (its {@link Dump#source()} is added when it names a file)
     * @throws IllegalArgumentException when the output is one of the sources, or the memory does not fit the target
     * @throws Progress.CancelledException when {@code progress} asked to stop (nothing is left behind)
     */
    public static ConvertResult convert(Dump dump, List<Path> sources, Path output, ConvertOptions options, Progress progress) {
        Set<Path> all = new LinkedHashSet<>(sources);
        try {
            all.add(Path.of(dump.source()));
        } catch (InvalidPathException e) {
            // the source is not a file name (a device or a test buffer): nothing to compare with
        }
        List<MemoryPlan.Run> runs = options.target() == ConvertOptions.Target.KDUMP ? List.of()
                : MemoryPlan.runs(dump.memory(), options.zeroFillExcluded());
        try (OutputFile out = OutputFile.create(output, all)) {
            ConvertResult result = switch (options.target()) {
                case ELF -> elf(dump, runs, out, output, options, progress);
                case RAW -> raw(dump, runs, out, output, options, progress);
                case KDUMP -> RearrangedKdump.write(dump, out, output, progress);
            };
            out.commit();
            LOG.atInfo().log("converted {} to {} {}: {} bytes of memory, {} segments, file of {} bytes", dump.source(),
                    options.target(), output, result.memoryBytes(), result.segments(), result.fileSize());
            return result;
        }
    }

    /** Whether {@link ConvertOptions.Target#KDUMP} applies: the dump is a flattened compressed kdump. */
    public static boolean canWriteBackAsKdump(Dump dump) {
        return RearrangedKdump.possible(dump);
    }

    private static ConvertResult elf(Dump dump, List<MemoryPlan.Run> runs, OutputFile out, Path output, ConvertOptions options,
                                     Progress progress) {
        ElfVmcoreLayout layout = ElfVmcoreLayout.plan(dump.architecture(), NoteBytes.of(dump), runs, options.elfClass());
        byte[] head = layout.head();
        out.write(0, head, head.length);
        long[] at = {layout.dataStart()};
        long written = stream(dump, options, progress, "Writing ELF vmcore " + output.getFileName(), layout.spans(),
                (address, data, length) -> {
                    out.write(at[0], data, length);
                    at[0] += length;
                });
        return new ConvertResult(output, ConvertOptions.Target.ELF, layout.fileSize(), written, layout.loads().size(), 0);
    }

    private static ConvertResult raw(Dump dump, List<MemoryPlan.Run> runs, OutputFile out, Path output, ConvertOptions options,
                                     Progress progress) {
        if (runs.isEmpty()) {
            return new ConvertResult(output, ConvertOptions.Target.RAW, 0, 0, 0, 0);
        }
        long base = runs.getFirst().start();
        long size = runs.getLast().end() - base;
        if (size < 0) {
            throw new IllegalArgumentException("memory from " + Hex.of(base) + " to " + Hex.of(runs.getLast().end())
                    + " is larger than a file can be");
        }
        // zeros need not be written: the file's holes read as zeros
        List<PageStream.Span> spans = runs.stream().flatMap(r -> r.spans().stream()).filter(s -> !s.zeros()).toList();
        long written = stream(dump, options, progress, "Writing raw image " + output.getFileName(), spans,
                (address, data, length) -> out.write(address - base, data, length));
        out.extendTo(size);
        return new ConvertResult(output, ConvertOptions.Target.RAW, size, written, 0, base);
    }

    private static long stream(Dump dump, ConvertOptions options, Progress progress, String what, List<PageStream.Span> spans,
                               PageStream.Sink sink) {
        try {
            return new PageStream(dump.memory(), options.threads()).copy(spans, progress, what, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
