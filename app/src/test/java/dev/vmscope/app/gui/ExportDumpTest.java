package dev.vmscope.app.gui;

import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.convert.ConvertResult;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.kdump.FlattenedWriter;
import dev.vmscope.views.testing.Fx;
import dev.vmscope.views.testing.Screenshots;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File → Export as ELF… on the corpus's compressed kdump: the written ELF vmcore opens as one and holds
 * the bytes of the corpus's own ELF dump of the same machine.
 */
@ExtendWith(ApplicationExtension.class)
class ExportDumpTest {
    private static final String SET = "x86_64-6.1-qemu-live";
    private Stage stage;
    private Session kdump;

    @Start
    void start(Stage primary) {
        // a window of its own: the shared primary stage carries other tests' window listeners
        stage = new Stage();
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 640, 400));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
        if (kdump != null) {
            kdump.close();
        }
    }

    @Test
    void theKdumpExportedAsElfHasTheElfsBytes(FxRobot robot, @TempDir Path dir) {
        kdump = Session.open(Corpus.dump(SET, "vmcore-qemu.kdump-zlib"), OpenOptions.DEFAULT);
        Path out = dir.resolve("exported.elf");
        AtomicReference<Task<ConvertResult>> task = new AtomicReference<>();
        AtomicReference<Alert> shown = new AtomicReference<>();
        robot.interact(() -> task.set(ExportDump.start(stage, kdump, ExportDump.Kind.ELF, out, shown::set)));
        Fx.waitUntil(() -> shown.get() != null);
        robot.interact(() -> Screenshots.save(shown.get().getDialogPane(), "app-export-elf-done"));
        AtomicReference<String> header = new AtomicReference<>();
        robot.interact(() -> header.set(shown.get().getHeaderText()));
        assertEquals("Exported as an ELF vmcore", header.get());
        robot.interact(() -> shown.get().close());
        try (Session exported = Session.open(out, OpenOptions.DEFAULT);
             Session elf = Session.open(Corpus.dump(SET, "vmcore-qemu.elf"), OpenOptions.DEFAULT)) {
            assertTrue(exported.dump().format().startsWith("elf-"), exported.dump().format()); // the QEMU notes come along: elf-qemu
            assertEquals(elf.kernel().orElseThrow().pageTableRoot(), exported.kernel().orElseThrow().pageTableRoot());
            byte[] a = new byte[4096];
            byte[] b = new byte[4096];
            int compared = 0;
            for (MemoryRange r : exported.memory().ranges()) {
                if (r.kind() != RangeKind.RAM) {
                    continue;
                }
                for (long pa = r.start(); pa < r.end(); pa += 4096L * 97) {
                    if (!elf.memory().isReadable(pa, 4096)) {
                        continue;
                    }
                    exported.memory().read(pa, a, 0, 4096);
                    elf.memory().read(pa, b, 0, 4096);
                    assertTrue(Arrays.equals(a, b), "page " + Hex.of(pa));
                    compared++;
                }
            }
            assertTrue(compared > 400, "pages compared: " + compared);
        }
    }

    @Test
    void aFlattenedKdumpExportedAsACompressedKdumpIsTheFileThatWasFlattened(FxRobot robot, @TempDir Path dir) throws Exception {
        Path original = Corpus.dump(SET, "vmcore-qemu.kdump-zlib");
        Path flat = Files.write(dir.resolve("qemu.flat"), FlattenedWriter.flatten(Files.readAllBytes(original), 1 << 16, "reverse", 2));
        kdump = Session.open(flat, OpenOptions.DEFAULT);
        Path out = dir.resolve("qemu.kdump");
        AtomicReference<Alert> shown = new AtomicReference<>();
        robot.interact(() -> ExportDump.start(stage, kdump, ExportDump.Kind.KDUMP, out, shown::set));
        Fx.waitUntil(() -> shown.get() != null);
        AtomicReference<String> header = new AtomicReference<>();
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> {
            header.set(shown.get().getHeaderText());
            text.set(shown.get().getContentText());
            shown.get().close();
        });
        assertEquals("Exported as a compressed kdump", header.get());
        assertTrue(text.get().contains("pieces of flattened records"), text.get());
        assertEquals(-1, Files.mismatch(out, original), "the export is the kdump that was flattened");
    }
}
