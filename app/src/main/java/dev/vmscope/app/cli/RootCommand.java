package dev.vmscope.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vmscope} itself: only the sub-commands do work; alone it prints the usage. */
@Command(name = "vmscope", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Explore kernel memory dumps.",
                "Without a command, vmscope opens the GUI (on FILE with 'vmscope FILE' or 'vmscope open SOURCE')."},
        footer = {"", "Addresses are hexadecimal, with or without 0x. Every command takes --json.",
                "Exit status: 0 success, 1 an address asked for is not mapped or not in the dump, "
                        + "2 bad usage or an unreadable or corrupt source."})
final class RootCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
