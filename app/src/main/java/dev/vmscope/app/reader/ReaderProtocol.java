package dev.vmscope.app.reader;

import java.nio.charset.StandardCharsets;

/**
 * The binary protocol between vmscope and its privileged reader, over the reader's standard input
 * (requests) and standard output (answers); big-endian throughout.
 *
 * <pre>
 * announcement  magic "VMSCOPE" + version byte 1, then u8 status:
 *               0 ready:   source, format, architecture (strings), i32 max read,
 *                          i32 n + n × (i64 start, i64 end)            physical ranges served, end exclusive
 *                          i32 n + n × (name, i64 type, i64 offset, bytes descriptor)   ELF notes
 *                          u8 has VMCOREINFO [origin, i32 n + n × (key, value)]
 *                          i32 n + n × (section, name, value)          header fields
 *               1 refused: message (string)                            and the reader exits
 * request       i32 op = 'READ', i64 address, i32 length               16 bytes
 * reply         i32 status, i32 n, n bytes: the data (status 0) or a message (UTF-8)
 * string        i32 n + n bytes UTF-8;   bytes   i32 n + n bytes
 * </pre>
 *
 * The reader answers a request only when {@code 0 < length <= max read} and
 * {@code [address, address + length)} lies inside one announced range. An unknown op is answered
 * with {@link #BAD_REQUEST} and the pipe is closed; a request cut short ends the reader, as does the
 * end of its input.
 */
public final class ReaderProtocol {
    public static final byte[] MAGIC = "VMSCOPE\1".getBytes(StandardCharsets.ISO_8859_1);
    public static final int READY = 0;
    public static final int REFUSED = 1;

    /** {@code 'READ'}. */
    public static final int OP_READ = 0x52454144;
    public static final int REQUEST_SIZE = 16;
    /** The most one request may ask for. */
    public static final int MAX_READ = 1 << 20;

    public static final int OK = 0;
    public static final int OUT_OF_RANGE = 1;
    public static final int TOO_LARGE = 2;
    public static final int READ_FAILED = 3;
    public static final int BAD_REQUEST = 4;

    /** Limits the client holds an announcement to, so a broken reader cannot make it allocate without bound. */
    static final int MAX_STRING = 64 << 10;
    static final int MAX_DESCRIPTOR = 1 << 20;
    static final int MAX_ITEMS = 1 << 16;
    static final int MAX_MESSAGE = 64 << 10;
    static final long MAX_ANNOUNCEMENT = 16 << 20;

    private ReaderProtocol() {
    }

    /** The word for a reply status in messages. */
    public static String statusWord(int status) {
        return switch (status) {
            case OK -> "ok";
            case OUT_OF_RANGE -> "outside the announced ranges";
            case TOO_LARGE -> "length not in 1.." + MAX_READ;
            case READ_FAILED -> "read failed";
            case BAD_REQUEST -> "malformed request";
            default -> "status " + status;
        };
    }
}
