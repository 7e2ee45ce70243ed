package dev.vmscope.app.gui;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/** vmscope's icon on a window (the title bar, the task bar, Alt+Tab), in the sizes the desktop picks from. */
final class WindowIcons {
    private static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);
    private static List<Image> images;

    private WindowIcons() {
    }

    static void apply(Stage stage) {
        stage.getIcons().setAll(images());
    }

    /** Loaded once; a build without the icons gives windows without them. */
    static synchronized List<Image> images() {
        if (images == null) {
            images = SIZES.stream().map(WindowIcons::load).filter(Objects::nonNull).toList();
        }
        return images;
    }

    private static Image load(int size) {
        try (InputStream in = WindowIcons.class.getResourceAsStream("/dev/vmscope/app/icons/vmscope-" + size + ".png")) {
            return in == null ? null : new Image(in);
        } catch (IOException e) {
            return null;
        }
    }
}
