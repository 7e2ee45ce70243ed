package dev.vmscope.views.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.Corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** libkdumpfile's pfn → mfn for every pfn of dom0 (the Xen corpus's truth), decompressed with the xz tool. */
final class XenTruth {
    private static final Pattern LINE = Pattern.compile("pfn (0x\\p{XDigit}+) -> mfn (0x\\p{XDigit}+)");
    private static Map<Long, Long> p2m;

    private XenTruth() {
    }

    static synchronized Map<Long, Long> p2m() {
        if (p2m == null) {
            String text = xz(Corpus.file("xen", "truth/analysis/dom0-p2m-all.libkdumpfile.x1.txt.xz").toString());
            Map<Long, Long> m = new LinkedHashMap<>();
            Matcher r = LINE.matcher(text);
            while (r.find()) {
                m.put(Hex.parse(r.group(1)), Hex.parse(r.group(2)));
            }
            p2m = m;
        }
        return p2m;
    }

    private static String xz(String file) {
        try {
            Process p = new ProcessBuilder("xz", "-dc", file).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("xz -dc " + file + " failed");
                }
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
