package dev.vmscope.core.format.live;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;

/**
 * Where the running kernel keeps its VMCOREINFO ELF note, as /sys/kernel/vmcoreinfo says: the
 * physical address and the size reserved for the note, both hex without {@code 0x}.
 */
public record VmcoreinfoLocation(long address, long size) {
    public static final String PATH = "/sys/kernel/vmcoreinfo";
    /** The kernel reserves about a page for the note; more than this is not a VMCOREINFO note. */
    public static final long MAX_SIZE = 1 << 20;

    /** @throws DumpFormatException naming the file when the text is not {@code ADDRESS SIZE} */
    public static VmcoreinfoLocation parse(String text, String file) {
        String[] words = text.strip().split("\\s+");
        if (words.length != 2) {
            throw new DumpFormatException(file, 0, "vmcoreinfo location", "'ADDRESS SIZE' in hex, found '" + text.strip() + "'");
        }
        long address;
        long size;
        try {
            address = Hex.parse(words[0]);
            size = Hex.parse(words[1]);
        } catch (NumberFormatException e) {
            throw new DumpFormatException(file, 0, "vmcoreinfo location", "'ADDRESS SIZE' in hex, found '" + text.strip() + "'");
        }
        if (size < 12 || size > MAX_SIZE) {
            throw new DumpFormatException(file, text.indexOf(words[1]), "vmcoreinfo location: size",
                    "a note size between 12 and " + Hex.of(MAX_SIZE) + " bytes, found " + Hex.of(size));
        }
        return new VmcoreinfoLocation(address, size);
    }
}
