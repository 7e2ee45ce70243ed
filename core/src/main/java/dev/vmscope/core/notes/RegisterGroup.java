package dev.vmscope.core.notes;

/** How registers are grouped in the registers pane. */
public enum RegisterGroup {
    GENERAL("general"),
    POINTER("instruction and stack"),
    SEGMENT("segment"),
    CONTROL("control"),
    FLAGS("flags"),
    OTHER("other");

    private final String title;

    RegisterGroup(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
