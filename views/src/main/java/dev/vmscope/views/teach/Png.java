package dev.vmscope.views.teach;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A node as PNG bytes (encoded in memory; the window writes them). Call on the FX thread. */
final class Png {
    private Png() {
    }

    static byte[] of(Node node) {
        var image = node.snapshot(new SnapshotParameters(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG", e);
        }
        return out.toByteArray();
    }
}
