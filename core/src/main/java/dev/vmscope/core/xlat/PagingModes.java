package dev.vmscope.core.xlat;

import dev.vmscope.core.xlat.x86.X86_64Entry;

/** The paging modes vmscope walks, each as geometry plus an entry format. */
public final class PagingModes {
    /** x86-64 4-level: 48-bit virtual addresses. */
    public static final PagingForm X86_64_4LEVEL = PagingForm.of("x86_64-4level", 8,
            new int[] {12, 9, 9, 9, 9}, "PML4", "PDPT", "PD", "PT");
    /** x86-64 5-level (LA57): 57-bit virtual addresses. */
    public static final PagingForm X86_64_5LEVEL = PagingForm.of("x86_64-5level", 8,
            new int[] {12, 9, 9, 9, 9, 9}, "PML5", "PML4", "PDPT", "PD", "PT");

    private PagingModes() {
    }

    public static PagingMode x86_64(boolean fiveLevel, X86_64Entry entries) {
        PagingForm form = fiveLevel ? X86_64_5LEVEL : X86_64_4LEVEL;
        return new PagingMode(form.id(), form, entries);
    }
}
