package dev.vmscope.views.explorer;

/** The explorer's pages, in tab order, with their titles. */
public enum Page {
    INFO("Info"),
    MEMORY_MAP("Memory map"),
    WALK("Page walk"),
    REGISTERS("Registers"),
    HEX("Hex"),
    PTDUMP("Page tables"),
    /** Only for a Xen host's dump. */
    XEN("Xen");

    private final String title;

    Page(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
