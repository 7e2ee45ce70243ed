package dev.vmscope.app.about;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The licence table the build writes beside this class ({@code third-party.tsv}, from
 * {@code app/src/license/third-party.tsv.ftl}): one line per bundled library, tab-separated — group, artifact,
 * version, name, home page, then one column per licence. Lines starting with {@code #} are comments.
 *
 * @param entries the libraries, in the table's order
 */
record ThirdPartyTable(List<Entry> entries) {
    static final String RESOURCE = "third-party.tsv";
    private static final int FIXED_COLUMNS = 5;

    /**
     * One library as the build saw it.
     *
     * @param version  the version the build packaged
     * @param licences at least one
     */
    record Entry(String groupId, String artifactId, String version, String name, String url, List<String> licences) {
        Entry {
            licences = List.copyOf(licences);
        }
    }

    ThirdPartyTable {
        entries = List.copyOf(entries);
    }

    /** The table packaged with this build of vmscope. */
    static ThirdPartyTable bundled() {
        try (InputStream in = ThirdPartyTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + ThirdPartyTable.class.getName()
                        + " (the build generates it)");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads the table's lines; a line with too few columns or no licence is an error naming the line. */
    static ThirdPartyTable parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length <= FIXED_COLUMNS) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": expected group, artifact, "
                        + "version, name, url and at least one licence, tab-separated; found " + columns.length
                        + " column(s): " + line);
            }
            List<String> licences = Arrays.stream(columns, FIXED_COLUMNS, columns.length)
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (licences.isEmpty() || columns[0].isBlank() || columns[1].isBlank() || columns[2].isBlank()) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1)
                        + ": group, artifact, version and a licence must not be empty: " + line);
            }
            entries.add(new Entry(columns[0].strip(), columns[1].strip(), columns[2].strip(), columns[3].strip(),
                    columns[4].strip(), licences));
        }
        return new ThirdPartyTable(entries);
    }
}
