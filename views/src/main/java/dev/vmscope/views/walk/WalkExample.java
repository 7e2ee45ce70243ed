package dev.vmscope.views.walk;

import java.util.OptionalInt;

/**
 * An address worth walking that the dump itself suggests, with what it is.
 *
 * @param cpu the CPU whose root to walk it with (an instruction pointer in a user process), or empty for the kernel's
 */
public record WalkExample(String label, long address, OptionalInt cpu) {
}
