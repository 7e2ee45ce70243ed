package dev.vmscope.views.explorer;

/** The explorer's pages, in tab order, with their titles. */
public enum Page {
    INFO("Info"),
    MEMORY_MAP("Memory map"),
    WALK("Page walk"),
    REGISTERS("Registers"),
    HEX("Hex");

    private final String title;

    Page(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
