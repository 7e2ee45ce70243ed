package dev.vmscope.core.xlat;

/**
 * One way of translating the virtual addresses of a range (DESIGN.md: page-table walk, linear offset,
 * lookup table, memory array). Every method answers with the same value a walk does, so the views and the
 * command line render a linear or array translation exactly like a page-table walk.
 */
public sealed interface TranslationMethod permits LinearMethod, EntryArrayMethod {

    Translation translate(long va);

    /** The method in words, for the memory map and info views. */
    String describe();
}
