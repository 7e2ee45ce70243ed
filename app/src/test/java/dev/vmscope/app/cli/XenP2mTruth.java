package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.Corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libkdumpfile's pfn to mfn of dom0 for every pfn of the Xen corpus ({@code dom0-p2m-all.libkdumpfile.x1.txt.xz},
 * lines {@code pfn 0x… -> mfn 0x…}), decompressed by the {@code xz} tool once per test run.
 */
final class XenP2mTruth {
    private static final Pattern LINE = Pattern.compile("^pfn (0x[0-9a-f]+) -> mfn (0x[0-9a-f]+)$");
    private static Map<Long, Long> cached;

    private XenP2mTruth() {
    }

    static synchronized Map<Long, Long> pfnToMfn() {
        if (cached == null) {
            cached = Collections.unmodifiableMap(read());
        }
        return cached;
    }

    private static Map<Long, Long> read() {
        String file = Corpus.file("xen", "truth/analysis/dom0-p2m-all.libkdumpfile.x1.txt.xz").toString();
        Map<Long, Long> out = new LinkedHashMap<>();
        try {
            Process xz = new ProcessBuilder("xz", "-dc", file).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(xz.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LINE.matcher(line);
                    if (!m.matches()) {
                        throw new IllegalStateException("not a p2m truth line: " + line);
                    }
                    out.put(Hex.parse(m.group(1)), Hex.parse(m.group(2)));
                }
            }
            if (xz.waitFor() != 0) {
                throw new IllegalStateException("xz -dc " + file + " failed with status " + xz.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }
}
