package dev.vmscope.app.reader;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian writes of the reader protocol's strings and byte blocks. */
final class WireOutput {
    private final DataOutputStream out;

    WireOutput(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    WireOutput u8(int v) throws IOException {
        out.writeByte(v);
        return this;
    }

    WireOutput i32(int v) throws IOException {
        out.writeInt(v);
        return this;
    }

    WireOutput i64(long v) throws IOException {
        out.writeLong(v);
        return this;
    }

    WireOutput raw(byte[] b) throws IOException {
        out.write(b);
        return this;
    }

    WireOutput bytes(byte[] b) throws IOException {
        return i32(b.length).raw(b);
    }

    WireOutput string(String s) throws IOException {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    void flush() throws IOException {
        out.flush();
    }
}
