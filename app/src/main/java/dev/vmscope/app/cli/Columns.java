package dev.vmscope.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows of text printed as aligned columns, two spaces apart; the last column is never padded. */
final class Columns {
    private final String indent;
    private final List<String[]> rows = new ArrayList<>();

    Columns(String indent) {
        this.indent = indent;
    }

    Columns row(String... cells) {
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter w) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length - 1; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] r : rows) {
            line.setLength(0);
            line.append(indent);
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) {
                    line.repeat(' ', width[i] - r[i].length() + 2);
                }
            }
            w.println(line.toString().stripTrailing());
        }
    }
}
