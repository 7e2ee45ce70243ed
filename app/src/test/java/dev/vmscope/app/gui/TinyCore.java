package dev.vmscope.app.gui;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A minimal x86-64 ELF core built from the ELF specification: the 64-byte file header, one PT_LOAD
 * program header mapping physical 0 to 0x1000 onto the page at file offset 0x1000, and that page
 * filled with a known text. No notes: no registers, no VMCOREINFO.
 */
final class TinyCore {
    static final String TEXT = "vmscope teaching";

    private TinyCore() {
    }

    static byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(0x2000).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}); // ELFCLASS64, ELFDATA2LSB, EV_CURRENT
        b.position(16);
        b.putShort((short) 4);   // e_type ET_CORE
        b.putShort((short) 62);  // e_machine EM_X86_64
        b.putInt(1);             // e_version
        b.putLong(0);            // e_entry
        b.putLong(64);           // e_phoff
        b.putLong(0);            // e_shoff
        b.putInt(0);             // e_flags
        b.putShort((short) 64);  // e_ehsize
        b.putShort((short) 56);  // e_phentsize
        b.putShort((short) 1);   // e_phnum
        b.putShort((short) 64);  // e_shentsize
        b.putShort((short) 0);   // e_shnum
        b.putShort((short) 0);   // e_shstrndx
        b.putInt(1);             // p_type PT_LOAD
        b.putInt(7);             // p_flags RWX
        b.putLong(0x1000);       // p_offset
        b.putLong(0);            // p_vaddr
        b.putLong(0);            // p_paddr
        b.putLong(0x1000);       // p_filesz
        b.putLong(0x1000);       // p_memsz
        b.putLong(0);            // p_align
        byte[] text = TEXT.getBytes(StandardCharsets.US_ASCII);
        for (int at = 0x1000; at < 0x2000; at += text.length) {
            b.put(at, text);
        }
        return b.array();
    }
}
