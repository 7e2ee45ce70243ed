package dev.vmscope.core.format;

/** One header field of a dump, for the info view: section, name, value as text. */
public record FormatField(String section, String name, String value) {
}
