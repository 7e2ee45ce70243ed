package dev.vmscope.core.bench;

import java.nio.file.Path;

/** Where the benchmarks find their dump: {@code -Dvmscope.bench.kdump=FILE}, by default the corpus's x86-64 QEMU kdump. */
final class KdumpBenchInputs {
    private KdumpBenchInputs() {
    }

    static Path kdump() {
        String corpus = System.getProperty("vmscope.corpus", "../shared/corpus");
        return Path.of(System.getProperty("vmscope.bench.kdump", corpus + "/x86_64-6.1-qemu-live/dumps/vmcore-qemu.kdump-zlib"));
    }
}
