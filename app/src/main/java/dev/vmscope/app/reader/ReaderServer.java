package dev.vmscope.app.reader;

import dev.vmscope.core.Hex;
import dev.vmscope.core.format.Dump;
import elf4j.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The reader's side of the protocol: announces an opened live dump, then answers "read N bytes at A"
 * for as long as its input stays open, validating each request against the announcement. It never
 * reads anything the announcement does not name, and it has no other command.
 */
public final class ReaderServer {
    private static final Logger LOG = Logger.instance();

    /** Why serving ended. */
    public enum Ending {
        /** The client closed the pipe between requests: the normal end. */
        INPUT_CLOSED,
        /** The input ended inside a request. */
        TRUNCATED_REQUEST,
        /** A request with an unknown op: answered, then the pipe is closed. */
        BAD_REQUEST,
        /** The answer could not be written: the client is gone. */
        OUTPUT_CLOSED
    }

    private final Dump dump;
    private final Announcement announcement;

    public ReaderServer(Dump dump) {
        this.dump = dump;
        this.announcement = Announcement.of(dump, ReaderProtocol.MAX_READ);
    }

    public Announcement announcement() {
        return announcement;
    }

    /** Tells the client that the source could not be opened, and why. */
    public static void refuse(OutputStream out, String message) throws IOException {
        AnnouncementCodec.writeRefused(new WireOutput(out), message);
    }

    /** Announces, then serves requests until the input closes or a request is malformed. */
    public Ending serve(InputStream in, OutputStream out) {
        WireOutput wire = new WireOutput(out);
        try {
            AnnouncementCodec.writeReady(wire, announcement);
            while (true) {
                byte[] request = in.readNBytes(ReaderProtocol.REQUEST_SIZE);
                if (request.length == 0) {
                    return Ending.INPUT_CLOSED;
                }
                if (request.length < ReaderProtocol.REQUEST_SIZE) {
                    LOG.atWarn().log("request cut short after {} of {} bytes; closing", request.length, ReaderProtocol.REQUEST_SIZE);
                    return Ending.TRUNCATED_REQUEST;
                }
                ByteBuffer b = ByteBuffer.wrap(request);
                int op = b.getInt();
                long address = b.getLong();
                int length = b.getInt();
                if (op != ReaderProtocol.OP_READ) {
                    reply(wire, ReaderProtocol.BAD_REQUEST, "unknown request " + Hex.of(op & 0xffffffffL) + "; closing");
                    return Ending.BAD_REQUEST;
                }
                answer(wire, address, length);
            }
        } catch (IOException e) {
            LOG.atInfo().log("the client is gone: {}", e.getMessage());
            return Ending.OUTPUT_CLOSED;
        }
    }

    private void answer(WireOutput wire, long address, int length) throws IOException {
        if (length <= 0 || length > announcement.maxRead()) {
            reply(wire, ReaderProtocol.TOO_LARGE, "a read of " + length + " bytes; at most " + announcement.maxRead() + " are allowed");
            return;
        }
        if (!announcement.serves(address, length)) {
            reply(wire, ReaderProtocol.OUT_OF_RANGE, Hex.of(address) + " + " + Hex.of(length)
                    + " is not inside one of the announced physical ranges");
            return;
        }
        byte[] data = new byte[length];
        try {
            dump.memory().read(address, data, 0, length);
        } catch (RuntimeException e) {
            reply(wire, ReaderProtocol.READ_FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return;
        }
        wire.i32(ReaderProtocol.OK).bytes(data).flush();
    }

    private static void reply(WireOutput wire, int status, String message) throws IOException {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        wire.i32(status).bytes(text.length > ReaderProtocol.MAX_MESSAGE ? java.util.Arrays.copyOf(text, ReaderProtocol.MAX_MESSAGE) : text).flush();
    }
}
