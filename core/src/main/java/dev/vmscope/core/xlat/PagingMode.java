package dev.vmscope.core.xlat;

/**
 * A paging mode: its geometry and the format of its entries.
 *
 * @param id the name in output, e.g. {@code x86_64-4level}
 */
public record PagingMode(String id, PagingForm form, EntryFormat entries) {
}
