package dev.vmscope.core.notes;

/**
 * One ELF note as found in a dump: owner name, type, descriptor bytes, and where it was.
 *
 * @param fileOffset offset of the note header in the source, for messages
 */
public record ElfNote(String name, long type, byte[] descriptor, long fileOffset) {
    public ElfNote {
        java.util.Objects.requireNonNull(name);
        descriptor = descriptor.clone();
    }

    @Override
    public byte[] descriptor() {
        return descriptor.clone();
    }

    public int size() {
        return descriptor.length;
    }

    public boolean is(String owner, long noteType) {
        return name.equals(owner) && type == noteType;
    }

    /** The usual name of this note's type, e.g. {@code NT_PRSTATUS}, or the number. */
    public String typeName() {
        return NoteTypes.describe(name, type);
    }
}
