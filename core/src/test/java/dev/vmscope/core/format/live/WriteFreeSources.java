package dev.vmscope.core.format.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds every way of opening something for writing in a source folder: write and create options,
 * output streams and writers on files, read-write mappings and random-access files. Writing to the
 * process's own standard output (the reader's answer pipe) is the one write allowed.
 */
public final class WriteFreeSources {
    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("\\bStandardOpenOption\\.(WRITE|APPEND|CREATE|CREATE_NEW|TRUNCATE_EXISTING|DELETE_ON_CLOSE)\\b"),
            Pattern.compile("(?<![A-Za-z_.])(WRITE|APPEND|CREATE_NEW|TRUNCATE_EXISTING)(?![A-Za-z_(])"),
            Pattern.compile("\\bnew\\s+FileOutputStream\\s*\\((?!\\s*FileDescriptor\\.out\\s*\\))"),
            Pattern.compile("\\bnew\\s+(FileWriter|RandomAccessFile|PrintWriter\\s*\\(\\s*(new\\s+File|Path))"),
            Pattern.compile("\\bFiles\\.(write|writeString|newOutputStream|newBufferedWriter|createFile|copy|move|delete\\w*|setAttribute|setLastModifiedTime|setPosixFilePermissions)\\b"),
            Pattern.compile("\\bMapMode\\.(READ_WRITE|PRIVATE)\\b"),
            Pattern.compile("\\bO_(WRONLY|RDWR)\\b"));

    private WriteFreeSources() {
    }

    /** Every line of a {@code .java} file under {@code folder} that opens for writing, as {@code file:line: text}. */
    public static List<String> violations(Path folder) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    String code = line.strip();
                    if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                        continue;
                    }
                    for (Pattern p : FORBIDDEN) {
                        if (p.matcher(line).find()) {
                            out.add(folder.relativize(f) + ":" + (i + 1) + ": " + code);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The number of {@code .java} files under a folder, so a scan of an empty or wrong folder cannot pass. */
    public static long count(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".java")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
