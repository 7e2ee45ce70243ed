package dev.vmscope.core.xen;

import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Xen corpus set's truth files: libkdumpfile's pfn-to-mfn list, dom0's own M2P dump and the
 * explained p2m/m2p differences, decompressed with the {@code xz} tool (skipped outside CI when absent).
 */
public final class XenTruth {
    public static final String SET = "xen";

    private XenTruth() {
    }

    /** libkdumpfile's mfn of every dom0 pfn, index = pfn ({@code dom0-p2m-all.libkdumpfile.x1.txt.xz}). */
    public static long[] p2m() {
        Pattern row = Pattern.compile("^pfn 0x([0-9a-f]+) -> mfn 0x([0-9a-f]+)$");
        List<Long> mfns = new ArrayList<>();
        for (String line : xzLines(Corpus.file(SET, "truth/analysis/dom0-p2m-all.libkdumpfile.x1.txt.xz"))) {
            Matcher m = row.matcher(line);
            Assertions.assertTrue(m.matches(), "unexpected truth line: " + line);
            Assertions.assertEquals(mfns.size(), Long.parseLong(m.group(1), 16), "pfns in order");
            mfns.add(Long.parseLong(m.group(2), 16));
        }
        return mfns.stream().mapToLong(Long::longValue).toArray();
    }

    /** dom0's {@code xen-mfndump dump-m2p}: mfn to pfn for every machine frame (~0 where invalid). */
    public static Map<Long, Long> m2p() {
        Pattern row = Pattern.compile("^\\s*mfn=0x([0-9a-f]+) ==> pfn=0x([0-9a-f]+)$");
        Map<Long, Long> out = new LinkedHashMap<>();
        for (String line : xzLines(Corpus.file(SET, "truth/dom0/xen_mfndump_m2p.txt.xz"))) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                out.put(Long.parseLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16));
            }
        }
        return out;
    }

    /** The pfns {@code p2m-vs-m2p-check.txt} lists as not matching dom0's M2P. */
    public static List<Long> p2mM2pMismatches() {
        Pattern row = Pattern.compile("^\\s+0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+)$");
        List<Long> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Corpus.file(SET, "truth/analysis/p2m-vs-m2p-check.txt"))) {
                Matcher m = row.matcher(line);
                if (m.matches()) {
                    out.add(Long.parseLong(m.group(1), 16));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<String> xzLines(Path file) {
        try {
            Process p = new ProcessBuilder("xz", "-dc", file.toString()).redirectErrorStream(false).start();
            String text;
            try (InputStream in = p.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Assertions.assertTrue(p.waitFor(5, TimeUnit.MINUTES), "xz timed out");
            Assertions.assertEquals(0, p.exitValue(), "xz -dc " + file + " failed");
            return text.lines().toList();
        } catch (IOException e) {
            if (Corpus.inCi()) {
                Assertions.fail("the xz tool is needed for the Xen truth files (CI=true)");
            }
            Assumptions.abort("the xz tool is not installed");
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
