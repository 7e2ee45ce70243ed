package dev.vmscope.core.xlat;

import dev.vmscope.core.Hex;

import java.util.List;

/**
 * DESIGN.md's linear offset: {@code physical = va - start + physStart}, no table read, so a translation
 * has no steps. A kernel's direct map is one (FreeBSD's DMAP: dmapbase to dmapend).
 *
 * @param mode        the paging mode of the address space, for the page size and the translation's context
 * @param permissions the access the mapping grants, as the kernel sets it up
 */
public record LinearMethod(long start, long physStart, PagingMode mode, Permissions permissions) implements TranslationMethod {

    @Override
    public Translation translate(long va) {
        return new Translation(va, 0, mode, List.of(),
                new WalkResult.Mapped(va - start + physStart, mode.form().pageSize(), permissions));
    }

    @Override
    public String describe() {
        return "linear: physical = virtual - " + Hex.of(start) + (physStart == 0 ? "" : " + " + Hex.of(physStart));
    }
}
