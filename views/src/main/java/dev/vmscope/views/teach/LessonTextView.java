package dev.vmscope.views.teach;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;

/**
 * A lesson's text: {@code #} and {@code ##} headings, paragraphs separated by blank lines, {@code - } list
 * items, and {@code `code`} inline. Nothing else of Markdown; the texts need nothing else.
 */
final class LessonTextView extends ScrollPane {

    LessonTextView(String markdown) {
        VBox body = new VBox();
        body.getStyleClass().add("lesson-text");
        body.getChildren().setAll(blocks(markdown));
        setContent(body);
        setFitToWidth(true);
        getStyleClass().add("lesson-scroll");
    }

    static List<Node> blocks(String markdown) {
        List<Node> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : markdown.lines().toList()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("- ")) {
                flush(paragraph, out);
            }
            if (l.startsWith("## ")) {
                out.add(flow(l.substring(3), "lesson-h2"));
            } else if (l.startsWith("# ")) {
                out.add(flow(l.substring(2), "lesson-h1"));
            } else if (l.startsWith("- ")) {
                out.add(flow("•  " + l.substring(2), "lesson-item"));
            } else if (!l.isEmpty()) {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(l);
            }
        }
        flush(paragraph, out);
        return out;
    }

    private static void flush(StringBuilder paragraph, List<Node> out) {
        if (!paragraph.isEmpty()) {
            out.add(flow(paragraph.toString(), "lesson-p"));
            paragraph.setLength(0);
        }
    }

    /** Text with {@code `code`} spans in the code style. */
    private static TextFlow flow(String text, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        String[] parts = text.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            Text t = new Text(parts[i]);
            t.getStyleClass().addAll("lesson-run", i % 2 == 1 ? "code" : "prose");
            flow.getChildren().add(t);
        }
        return flow;
    }
}
