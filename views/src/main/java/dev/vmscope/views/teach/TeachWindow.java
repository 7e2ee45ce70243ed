package dev.vmscope.views.teach;

import dev.vmscope.core.xlat.Translation;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** A window that teaches one walk already done, e.g. the walk pane's current one. */
public final class TeachWindow {
    private TeachWindow() {
    }

    /** Shows {@code t} step by step in a window of its own; call on the FX thread. */
    public static Stage show(Translation t) {
        TeachPane pane = new TeachPane(TeachModel.of(t, "from the page-walk pane"), TeachActions.NONE);
        Stage stage = new Stage();
        stage.setTitle("vmscope — teach this walk");
        stage.setScene(new Scene(pane, 1300, 860));
        stage.show();
        return stage;
    }
}
