package dev.vmscope.core.format.minidump;

import java.util.Map;

/**
 * A minidump's header page, its fields by name as the architecture's minidump.h calls them, and the layout
 * that follows from them: after the header page come the message buffer, {@code dump_avail} (from the
 * version that has it), the bitmap of dumped pages and the page-table array, each rounded up to whole pages,
 * then the dumped pages in bitmap order.
 *
 * @param fields   every header field the version has, by name (absent fields read as 0)
 * @param pageSize the kernel's page size (4 KiB; 16 KiB for an arm64 minidump whose flags say so)
 */
record MinidumpHeader(MinidumpArch arch, int version, Map<String, Long> fields, long pageSize) {

    MinidumpHeader {
        fields = Map.copyOf(fields);
    }

    long get(String name) {
        return fields.getOrDefault(name, 0L);
    }

    long msgbufSize() {
        return get("msgbufsize");
    }

    long bitmapSize() {
        return get("bitmapsize");
    }

    long arraySize() {
        return get(arch.arraySizeName);
    }

    long dumpAvailSize() {
        return version >= arch.dumpAvailSince ? get("dumpavailsize") : 0;
    }

    long kernbase() {
        return get("kernbase");
    }

    long roundUp(long size) {
        return (size + pageSize - 1) & -pageSize;
    }

    long msgbufAt() {
        return pageSize;
    }

    long dumpAvailAt() {
        return msgbufAt() + roundUp(msgbufSize());
    }

    long bitmapAt() {
        return dumpAvailAt() + roundUp(dumpAvailSize());
    }

    long arrayAt() {
        return bitmapAt() + roundUp(bitmapSize());
    }

    long pagesAt() {
        return arrayAt() + roundUp(arraySize());
    }
}
