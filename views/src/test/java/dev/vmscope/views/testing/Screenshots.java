package dev.vmscope.views.testing;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/** Saves a PNG of a node under the {@code vmscope.screenshots} directory, for people to look at. */
public final class Screenshots {
    private Screenshots() {
    }

    public static Path save(Node node, String name) {
        try {
            WaitForAsyncUtils.waitForFxEvents();
            WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
            Path dir = Path.of(System.getProperty("vmscope.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("snapshot failed", e.getCause());
        }
    }
}
