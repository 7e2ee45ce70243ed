/**
 * The provider behind vmscope's one logging API, elf4j: it hands {@code elf4j.Logger.instance()} a logger
 * named after the calling class and writes through {@code java.util.logging} into a rotating file under the
 * XDG state directory. Nothing here ever writes to the console, whose output belongs to the command line.
 */
package dev.vmscope.app.logging;
