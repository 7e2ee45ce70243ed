package dev.vmscope.views.info;

import dev.vmscope.core.Hex;
import dev.vmscope.core.notes.ElfNote;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.List;

/** The dump's notes as a small table: owner, type (name and number), descriptor size, file offset. */
final class NotesGrid extends GridPane {

    NotesGrid(List<ElfNote> notes) {
        getStyleClass().add("notes-grid");
        String[] titles = {"owner", "type", "number", "size", "at offset"};
        for (int c = 0; c < titles.length; c++) {
            Label t = new Label(titles[c]);
            t.getStyleClass().add("fact-name");
            add(t, c, 0);
            if (c >= 2) {
                GridPane.setHalignment(t, HPos.RIGHT);
            }
        }
        int row = 1;
        for (ElfNote n : notes) {
            cell(n.name(), 0, row, false);
            cell(n.typeName(), 1, row, false);
            cell(Hex.of(n.type()), 2, row, true);
            cell(Integer.toString(n.size()), 3, row, true);
            cell(Hex.of(n.fileOffset()), 4, row, true);
            row++;
        }
    }

    private void cell(String text, int column, int row, boolean right) {
        Label l = new Label(text);
        l.getStyleClass().addAll("fact-code", "note-cell");
        add(l, column, row);
        if (right) {
            GridPane.setHalignment(l, HPos.RIGHT);
        }
    }
}
