package dev.vmscope.core.notes;

/** Where one register sits in a note's descriptor: name, byte offset, width in bytes, group. */
public record RegisterDef(String name, int offset, int width, RegisterGroup group) {
}
