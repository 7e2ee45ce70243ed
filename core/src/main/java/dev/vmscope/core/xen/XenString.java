package dev.vmscope.core.xen;

import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Memory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One of the strings {@code crash_xen_info_t} points to (extra version, changeset, compiler, compile
 * date and time): its field name, its machine address, and its text when the dump holds it.
 *
 * @param text the NUL-terminated text, at most {@link #MAX_LENGTH} bytes; empty when not in the dump
 */
public record XenString(String field, Address address, Optional<String> text) {
    /** Xen's own buffers for these strings are at most 64 bytes; longer is not one of them. */
    public static final int MAX_LENGTH = 256;

    /** Reads the string at a machine address, page by page, stopping at NUL, at the limit, or where the dump ends. */
    public static XenString read(Memory machine, String field, long address) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        long at = address;
        while (text.size() < MAX_LENGTH) {
            int n = (int) Math.min(MAX_LENGTH - text.size(), 4096 - (at & 0xfff));
            byte[] chunk;
            try {
                chunk = machine.read(at, n);
            } catch (MemoryAccessException e) {
                return new XenString(field, Address.machine(address), text.size() == 0 ? Optional.empty() : Optional.of(latin1(text)));
            }
            for (byte b : chunk) {
                if (b == 0) {
                    return new XenString(field, Address.machine(address), Optional.of(latin1(text)));
                }
                text.write(b);
            }
            at += n;
        }
        return new XenString(field, Address.machine(address), Optional.of(latin1(text)));
    }

    private static String latin1(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
