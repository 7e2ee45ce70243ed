package dev.vmscope.app;

import dev.vmscope.app.logging.LogSetup;

/** vmscope's entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogSetup.ensureInstalled();
    }
}
