package dev.vmscope.views.teach;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.Translation;

import java.util.List;

/** The bit diagram as SVG text, drawn from the same fields and colours as the pane. */
public final class BitDiagramSvg {
    private static final int BIT = 11;
    private static final int ROW = 18;

    private BitDiagramSvg() {
    }

    public static String of(Translation t) {
        List<BitField> fields = BitField.of(t);
        int width = fields.stream().mapToInt(f -> Math.max(f.width() * BIT, 70) + 4).sum() + 20;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(6 * ROW).append("\" font-family=\"monospace\" font-size=\"12\">\n");
        b.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append("  <text x=\"10\" y=\"").append(ROW).append("\">").append(escape(Words.input(t.mode()) + " " + Hex.of(t.virtualAddress())
                + " · " + t.mode().id())).append("</text>\n");
        int x = 10;
        for (BitField f : fields) {
            int w = Math.max(f.width() * BIT, 70);
            b.append("  <g>\n    <rect x=\"").append(x).append("\" y=\"").append(ROW + 6).append("\" width=\"").append(w)
                    .append("\" height=\"").append(4 * ROW).append("\" fill=\"").append(Palette.of(f)).append("\" stroke=\"#333\"/>\n");
            String value = f.role() == BitField.Role.INDEX ? "index " + f.value() : Hex.of(f.value());
            String[] lines = {f.binary(), f.name(), f.range(), value};
            for (int i = 0; i < lines.length; i++) {
                b.append("    <text x=\"").append(x + 4).append("\" y=\"").append(2 * ROW + 2 + i * ROW).append("\">")
                        .append(escape(lines[i])).append("</text>\n");
            }
            b.append("  </g>\n");
            x += w + 4;
        }
        return b.append("</svg>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
