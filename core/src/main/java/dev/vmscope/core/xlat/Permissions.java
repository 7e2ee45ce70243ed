package dev.vmscope.core.xlat;

import java.util.ArrayList;
import java.util.List;

/** The access a mapping grants once every level's bits are combined. */
public record Permissions(boolean writable, boolean user, boolean executable) {
    public List<String> words() {
        List<String> w = new ArrayList<>();
        w.add(writable ? "rw" : "ro");
        w.add(user ? "user" : "kernel");
        w.add(executable ? "x" : "nx");
        return w;
    }
}
