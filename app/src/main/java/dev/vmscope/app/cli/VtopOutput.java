package dev.vmscope.app.cli;

import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.Translation;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** Where {@code vtop} puts each translation, in the order asked: text, a JSON array, or brief lines. */
sealed interface VtopOutput permits VtopOutput.Text, VtopOutput.JsonArray, BriefOutput {

    void add(Translation t);

    /** Completes and flushes the output (the stream stays open). */
    void finish();

    /**
     * @param aliases the other virtual addresses of a translation's byte, for text output
     */
    static VtopOutput of(Streams io, Space space, boolean json, boolean brief, Function<Translation, List<Long>> aliases) {
        if (brief) {
            return new BriefOutput(io);
        }
        return json ? new JsonArray(io.json(), space) : new Text(io, space, aliases);
    }

    /** Level-by-level text, a blank line between addresses. */
    final class Text implements VtopOutput {
        private final Streams io;
        private final PrintWriter w;
        private final Space space;
        private final Function<Translation, List<Long>> aliases;
        private boolean first = true;

        Text(Streams io, Space space, Function<Translation, List<Long>> aliases) {
            this.io = io;
            this.w = io.text();
            this.space = space;
            this.aliases = aliases;
        }

        @Override
        public void add(Translation t) {
            if (!first) {
                w.println();
            }
            first = false;
            TranslationText.write(w, t, space, aliases.apply(t));
        }

        @Override
        public void finish() {
            io.finish(w);
        }
    }

    /** One JSON array, one object per address, written as it goes. */
    final class JsonArray implements VtopOutput {
        private final Json j;
        private final Space space;

        JsonArray(Json j, Space space) {
            this.j = j;
            this.space = space;
            j.startArray();
        }

        @Override
        public void add(Translation t) {
            TranslationJson.write(j, t, space);
        }

        @Override
        public void finish() {
            j.endArray();
            j.close();
        }
    }
}
