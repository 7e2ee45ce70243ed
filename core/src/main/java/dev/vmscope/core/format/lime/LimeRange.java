package dev.vmscope.core.format.lime;

/**
 * One range of a LiME file: physical {@code [start, end]} (LiME's end is inclusive) whose bytes follow
 * the 32-byte header at {@code headerOffset}.
 */
public record LimeRange(int index, long headerOffset, long start, long end) {
    public long size() {
        return end - start + 1;
    }

    public long dataOffset() {
        return headerOffset + LimeFormat.HEADER_SIZE;
    }
}
