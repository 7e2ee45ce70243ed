package dev.vmscope.core.format.live;

/** The outcome of trying one live source: it opened, or it was refused and why. */
sealed interface Attempt {

    record Opened(OpenedSource source) implements Attempt {
    }

    record Refused(Refusal refusal) implements Attempt {
    }
}
