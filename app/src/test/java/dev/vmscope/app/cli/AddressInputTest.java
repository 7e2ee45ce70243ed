package dev.vmscope.app.cli;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The lines of {@code vtop --from}: read as bytes, they mean what they meant read as text. */
class AddressInputTest {
    private static final String STDIN = "standard input";

    /** The addresses read before the end or the first bad line, and the failure's line (null at the end). */
    private record Read(List<Long> addresses, String failure) {
    }

    /** Reads {@code text} through {@link AddressInput}, given {@code chunk} bytes per read of the stream. */
    private static Read read(byte[] text, int chunk) {
        List<Long> out = new ArrayList<>();
        try (AddressInput in = AddressInput.open("-", new Chunked(text, chunk))) {
            in.forEach(out::add);
            return new Read(out, null);
        } catch (CliFailure e) {
            return new Read(out, e.getMessage());
        }
    }

    private static Read read(String text) {
        return read(text.getBytes(StandardCharsets.ISO_8859_1), Integer.MAX_VALUE);
    }

    /** What the lines meant when they were read as ISO-8859-1 text: readLine, strip, skip, parse. */
    private static Read reference(String text) {
        List<Long> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new StringReader(text));
        long number = 0;
        try {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                number++;
                String t = line.strip();
                if (t.isEmpty() || t.charAt(0) == '#') {
                    continue;
                }
                out.add(Addresses.parse(t, STDIN + ", line " + number));
            }
        } catch (CliFailure e) {
            return new Read(out, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Read(out, null);
    }

    @Test
    void acceptsTheSyntaxOfText() {
        String text = "0xffffffff81000000\r\n\n  # a comment\r\n#another\n\t0XAbC  \r\n\r\nfff\r1\n+10\n"
                + "  ffffffffffffffff\t\n0\n0x0000000000000001";
        assertEquals(new Read(List.of(0xffffffff81000000L, 0xabcL, 0xfffL, 1L, 0x10L, -1L, 0L, 1L), null), read(text));
        assertEquals(reference(text), read(text));
    }

    @Test
    void emptyInputHasNoAddress() {
        assertEquals(new Read(List.of(), null), read(""));
        assertEquals(new Read(List.of(), null), read("\n\r\n  \n# only a comment"));
    }

    @Test
    void aBadLineStopsWithItsNumberAfterTheAddressesBeforeIt() {
        assertEquals(new Read(List.of(1L, 2L), "not a hexadecimal number: 'x1' (standard input, line 4)"),
                read("1\r\n\r2\nx1\n3\n"));
        assertEquals(new Read(List.of(), "not a 64-bit hexadecimal number: '0x' (standard input, line 1)"), read(" 0x \n"));
        assertEquals(new Read(List.of(), "not a 64-bit hexadecimal number: '10000000000000000' (standard input, line 1)"),
                read("10000000000000000\n"));
    }

    @Test
    void aBadLineDeepInTheInputIsNamedWithItsNumber() {
        StringBuilder text = new StringBuilder();
        int lines = 3 * AddressInput.BLOCK / 10;
        for (int i = 1; i < lines; i++) {
            text.append(i % 7 == 0 ? "\r\n" : Long.toHexString(i) + "\n");
        }
        text.append("0x12g4\n1\n");
        Read r = read(text.toString());
        assertEquals("not a hexadecimal number: '0x12g4' (standard input, line " + lines + ")", r.failure());
        assertEquals(reference(text.toString()), r);
    }

    @Test
    void linesCutAcrossBlocksAndReadsAreWhole() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(7);
        List<Long> expected = new ArrayList<>();
        while (text.length() < 3 * AddressInput.BLOCK) {
            long v = random.nextLong() >>> random.nextInt(64);
            expected.add(v);
            text.append(random.nextBoolean() ? "0x" : "").append(Long.toHexString(v)).append(random.nextBoolean() ? "\r\n" : "\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        for (int chunk : new int[] {1 << 20, 4096, 1000, 17}) {
            assertEquals(new Read(expected, null), read(bytes, chunk), "chunk " + chunk);
        }
    }

    @Test
    void aCarriageReturnLineFeedAtTheEndOfABlockIsOneLineEnd() {
        String first = "1".repeat(AddressInput.BLOCK - 1).replaceAll("1", " ");
        String text = first + "\r\nx\n";
        assertEquals(new Read(List.of(), "not a hexadecimal number: 'x' (standard input, line 2)"), read(text));
    }

    @Test
    void aLineLongerThanABlockIsRead() {
        String text = " ".repeat(3 * AddressInput.BLOCK) + "0xabc" + " ".repeat(AddressInput.BLOCK) + "\n5\n";
        assertEquals(new Read(List.of(0xabcL, 5L), null), read(text));
    }

    @Test
    void everyMixOfSpacesSignsPrefixesAndLineEndsMeansWhatItMeantAsText() {
        String[] tokens = {"", " ", "\t", "\u000b", "\f", "\u001c", "\u00a0", "\u0085", "0x", "0X", "#", "+", "-", "ff", "0",
                "1234567890abcdef", "FEDCBA9876543210", "1", "g", "x", "12345678", "9abcdef0", "ABCDEF", "/", ":", "@", "G",
                "`", "\u00ff", "\u00b9", "0123456789abcdef0"};
        String[] ends = {"\n", "\r\n", "\r", ""};
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int lines = random.nextInt(6);
            for (int l = 0; l < lines; l++) {
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    text.append(tokens[random.nextInt(tokens.length)]);
                }
                text.append(ends[random.nextInt(l == lines - 1 ? ends.length : ends.length - 1)]);
            }
            String s = text.toString();
            assertEquals(reference(s), read(s), () -> "input " + s.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void aCutIsNeverBetweenACarriageReturnAndWhatFollows() {
        byte[] b = "1\r\n2\r".getBytes(StandardCharsets.US_ASCII);
        assertEquals(3, AddressLines.lastLineEnd(b, b.length));
        assertEquals(3, AddressLines.lastLineEnd(b, 3));
        assertEquals(-1, AddressLines.lastLineEnd(b, 2));
        assertEquals(-1, AddressLines.lastLineEnd(b, 1));
        byte[] oldMac = "1\r2".getBytes(StandardCharsets.US_ASCII);
        assertEquals(2, AddressLines.lastLineEnd(oldMac, oldMac.length));
    }

    @Test
    void aMissingFileIsNamed() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> AddressInput.open("/no/such/list", InputStream.nullInputStream()));
        assertEquals("cannot read the addresses of --from (/no/such/list: no such file)", e.getMessage());
    }

    /** A stream that gives at most {@code chunk} bytes per read, as a pipe does. */
    private static final class Chunked extends ByteArrayInputStream {
        private final int chunk;

        Chunked(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
