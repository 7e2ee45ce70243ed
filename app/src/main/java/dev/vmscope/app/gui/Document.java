package dev.vmscope.app.gui;

import dev.vmscope.core.Session;
import dev.vmscope.core.format.live.LiveDumps;

/**
 * One opened source, shown in its own tab: where it came from and its session.
 *
 * @param live whether it reads a running machine (its bytes can change between reads)
 */
public record Document(Source source, Session session, boolean live) {

    static Document of(Source source, Session session) {
        return new Document(source, session, LiveDumps.isLive(session.dump()) || source instanceof Source.Live);
    }

    /** The tab's title: the file's own name, or the live source. */
    public String title() {
        return switch (source) {
            case Source.File f -> f.path().getFileName() == null ? f.name() : f.path().getFileName().toString();
            default -> source.name();
        };
    }
}
