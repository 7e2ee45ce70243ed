package dev.vmscope.core.format;

import dev.vmscope.core.Hex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A source as typed on the command line or in the GUI's open box: a path, or {@code FILE@ADDR} for a raw
 * image of physical memory starting at {@code ADDR} (hexadecimal, with or without {@code 0x}; an empty
 * {@code ADDR} means 0), as crash takes it. A name that exists as a file is always that file, even
 * when it contains {@code @}.
 *
 * @param rawBase present when the source is a raw image, with its physical base
 */
public record SourceSpec(Path path, OptionalLong rawBase) {

    public static SourceSpec parse(String text) {
        Path whole = Path.of(text);
        int at = text.lastIndexOf('@');
        if (at <= 0 || Files.exists(whole)) {
            return new SourceSpec(whole, OptionalLong.empty());
        }
        String address = text.substring(at + 1);
        try {
            long base = address.isEmpty() ? 0 : Hex.parse(address);
            return new SourceSpec(Path.of(text.substring(0, at)), OptionalLong.of(base));
        } catch (NumberFormatException e) {
            return new SourceSpec(whole, OptionalLong.empty());
        }
    }

    public boolean isRaw() {
        return rawBase.isPresent();
    }

    @Override
    public String toString() {
        return rawBase.isPresent() ? path + "@" + Hex.of(rawBase.getAsLong()) : path.toString();
    }
}
