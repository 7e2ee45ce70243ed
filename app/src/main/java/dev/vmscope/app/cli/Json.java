package dev.vmscope.app.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.vmscope.core.Hex;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The one JSON document a command prints with {@code --json}: a streaming writer (nothing is held
 * in memory), addresses as {@code 0x} + lowercase hex, a newline at the end. An error half-way leaves
 * the document unclosed, so a reader cannot mistake it for a complete one.
 */
final class Json implements AutoCloseable {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();

    private final JsonGenerator g;
    private final Runnable afterClose;

    /**
     * @param afterClose checks the stream once the document is written
     */
    Json(OutputStream out, Runnable afterClose) {
        this.afterClose = afterClose;
        try {
            this.g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Json startObject() {
        return io(() -> g.writeStartObject());
    }

    Json startObject(String name) {
        return io(() -> g.writeObjectFieldStart(name));
    }

    Json endObject() {
        return io(() -> g.writeEndObject());
    }

    Json startArray() {
        return io(() -> g.writeStartArray());
    }

    Json startArray(String name) {
        return io(() -> g.writeArrayFieldStart(name));
    }

    Json endArray() {
        return io(() -> g.writeEndArray());
    }

    /** An address or other unsigned 64-bit value as {@code "0x…"}. */
    Json hex(String name, long value) {
        return string(name, Hex.of(value));
    }

    /** {@link #hex(String, long)}, or {@code null} when empty. */
    Json hex(String name, OptionalLong value) {
        return value.isPresent() ? hex(name, value.getAsLong()) : nul(name);
    }

    Json string(String name, String value) {
        return io(() -> {
            if (value == null) {
                g.writeNullField(name);
            } else {
                g.writeStringField(name, value);
            }
        });
    }

    Json number(String name, long value) {
        return io(() -> g.writeNumberField(name, value));
    }

    /** A number, or {@code null} when empty. */
    Json number(String name, OptionalLong value) {
        return value.isPresent() ? number(name, value.getAsLong()) : nul(name);
    }

    Json bool(String name, boolean value) {
        return io(() -> g.writeBooleanField(name, value));
    }

    Json nul(String name) {
        return io(() -> g.writeNullField(name));
    }

    Json strings(String name, List<String> values) {
        startArray(name);
        for (String v : values) {
            io(() -> g.writeString(v));
        }
        return endArray();
    }

    /** An object of string values, in the map's order; {@code null} when the map is. */
    Json stringMap(String name, Map<String, String> values) {
        if (values == null) {
            return nul(name);
        }
        startObject(name);
        values.forEach(this::string);
        return endObject();
    }

    /** Ends the document with a newline and flushes it; the stream stays open. */
    @Override
    public void close() {
        io(() -> {
            g.writeRaw('\n');
            g.close();
        });
        afterClose.run();
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private Json io(IoAction a) {
        try {
            a.run();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
