package dev.vmscope.core.testing.kdump;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link KdumpSpec} from text. Lines ({@code #} starts a comment):
 * <pre>
 * &#64;kdump version=6 header=64 sub=64 block=4096 machine=x86_64 compression=zlib incomplete=no
 * &#64;note CORE 1 size=336
 * &#64;vmcoreinfo            (lines up to &#64;end are the VMCOREINFO text)
 * &#64;pages                 (then: FROM[-TO] KIND [CODEC], pfns in hex, TO exclusive)
 * 0x0-0x10 ram zlib
 * &#64;poke                  (then: ADDRESS: "text" or ADDRESS: 0x1122 for one 8-byte little-endian word)
 * &#64;output flattened chunk=0x800 order=reverse overwrite=3   (or kdump, lime, raw, split at=0x20,0x40)
 * &#64;expect KEY VALUE
 * </pre>
 */
public final class KdumpSpecParser {
    private KdumpSpecParser() {
    }

    /** Parses a spec from the test class path, e.g. {@code /dev/vmscope/core/format/kdump/zlib.spec}. */
    public static KdumpSpec resource(String path) {
        try (InputStream in = KdumpSpecParser.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path.substring(path.lastIndexOf('/') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KdumpSpec parse(String text, String name) {
        KdumpSpec.Header h = KdumpSpec.Header.defaults();
        List<PageRun> pages = new ArrayList<>();
        List<KdumpSpec.Note> notes = new ArrayList<>();
        List<KdumpSpec.Poke> pokes = new ArrayList<>();
        List<KdumpSpec.Expect> expect = new ArrayList<>();
        KdumpSpec.Output output = KdumpSpec.Output.kdump();
        StringBuilder vmcoreinfo = null;
        boolean inVmcoreinfo = false;
        String section = "";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String origin = name + ":" + (i + 1);
            String raw = lines[i];
            if (inVmcoreinfo) {
                if (raw.strip().equals("@end")) {
                    inVmcoreinfo = false;
                } else {
                    vmcoreinfo.append(raw.strip()).append('\n');
                }
                continue;
            }
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("@")) {
                    String[] w = line.split("\\s+");
                    Map<String, String> kv = options(w);
                    switch (w[0]) {
                        case "@kdump" -> h = header(h, kv);
                        case "@note" -> notes.add(new KdumpSpec.Note(w[1], SpecNumbers.parse(w[2]),
                                (int) SpecNumbers.parse(kv.getOrDefault("size", "0x40"))));
                        case "@vmcoreinfo" -> {
                            vmcoreinfo = new StringBuilder();
                            inVmcoreinfo = true;
                        }
                        case "@output" -> output = output(w[1], kv);
                        case "@expect" -> expect.add(new KdumpSpec.Expect(w[1], line.substring(line.indexOf(w[1]) + w[1].length()).strip(), origin));
                        case "@pages", "@poke" -> section = w[0];
                        default -> throw new IllegalArgumentException("unknown directive " + w[0]);
                    }
                } else if (section.equals("@pages")) {
                    pages.add(pageRun(line, origin));
                } else if (section.equals("@poke")) {
                    pokes.add(poke(raw.strip()));
                } else {
                    throw new IllegalArgumentException("a line outside @pages or @poke");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(origin + ": " + e.getMessage() + " in '" + raw + "'", e);
            }
        }
        Optional<String> info = vmcoreinfo == null ? Optional.empty() : Optional.of(vmcoreinfo.toString());
        return new KdumpSpec(name, h, pages, notes, info, pokes, output, expect);
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static Map<String, String> options(String[] words) {
        Map<String, String> kv = new HashMap<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq > 0) {
                kv.put(w.substring(0, eq), w.substring(eq + 1));
            }
        }
        return kv;
    }

    private static KdumpSpec.Header header(KdumpSpec.Header d, Map<String, String> kv) {
        String sig = kv.getOrDefault("signature", d.signature().strip());
        return new KdumpSpec.Header(sig.equals("DISKDUMP") ? "DISKDUMP" : "KDUMP   ",
                (int) num(kv, "version", d.version()), !kv.getOrDefault("header", d.wideHeader() ? "64" : "32").equals("32"),
                kv.getOrDefault("sub", d.subLayout()), (int) num(kv, "block", d.blockSize()),
                kv.getOrDefault("machine", d.machine()), kv.getOrDefault("release", d.release()),
                kv.getOrDefault("compression", d.compression()), yes(kv.getOrDefault("incomplete", d.incomplete() ? "yes" : "no")),
                num(kv, "status", d.extraStatus()), num(kv, "phys_base", d.physBase()), (int) num(kv, "dump_level", d.dumpLevel()),
                num(kv, "pfn_offset", d.pfnOffset()), num(kv, "max_mapnr", d.maxMapnr()), (int) num(kv, "bitmaps", d.bitmaps()),
                kv.getOrDefault("zero_page", d.zeroPage()), kv.getOrDefault("vmcoreinfo", d.vmcoreinfoAt()),
                (int) num(kv, "nr_cpus", d.nrCpus()));
    }

    private static long num(Map<String, String> kv, String key, long fallback) {
        String v = kv.get(key);
        return v == null ? fallback : SpecNumbers.parse(v);
    }

    private static boolean yes(String v) {
        return v.equals("yes") || v.equals("true") || v.equals("1");
    }

    private static KdumpSpec.Output output(String format, Map<String, String> kv) {
        List<Long> at = new ArrayList<>();
        if (kv.containsKey("at")) {
            for (String p : kv.get("at").split(",")) {
                at.add(SpecNumbers.parse(p));
            }
        }
        return new KdumpSpec.Output(format, at, (int) num(kv, "chunk", 4096), kv.getOrDefault("order", "forward"),
                (int) num(kv, "overwrite", 0));
    }

    private static PageRun pageRun(String line, String origin) {
        String[] w = line.split("\\s+");
        String[] range = w[0].split("-");
        long from = SpecNumbers.parse(range[0]);
        long to = range.length > 1 ? SpecNumbers.parse(range[1]) : from + 1;
        PageKind kind = PageKind.valueOf(w[1].toUpperCase(Locale.ROOT));
        String codec = w.length > 2 ? w[2] : "none";
        return new PageRun(from, to, kind, codec, origin);
    }

    private static KdumpSpec.Poke poke(String line) {
        int colon = line.indexOf(':');
        long address = SpecNumbers.parse(line.substring(0, colon).strip());
        String value = stripComment(line.substring(colon + 1)).strip();
        if (value.startsWith("\"")) {
            return new KdumpSpec.Poke(address, value.substring(1, value.lastIndexOf('"')).getBytes(StandardCharsets.ISO_8859_1));
        }
        long word = SpecNumbers.parse(value);
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (word >>> (8 * i));
        }
        return new KdumpSpec.Poke(address, b);
    }
}
