package dev.vmscope.app.gui;

import dev.vmscope.core.Progress;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.convert.ConvertOptions;
import dev.vmscope.core.format.convert.ConvertResult;
import dev.vmscope.core.format.convert.DumpConverter;
import dev.vmscope.views.fx.ProgressTask;
import dev.vmscope.views.fx.Sizes;
import elf4j.Logger;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * File → Export as ELF…: streams the open dump into a standard ELF vmcore (notes and VMCOREINFO kept,
 * excluded pages left out) so that a tool which cannot read the dump's own format can. File → Export as
 * Compressed Kdump…: writes a flattened compressed kdump back as the compressed kdump it stands for (what
 * {@code makedumpfile -R} makes), which tools that cannot read flattened files open. The copy runs off
 * the FX thread with a progress bar and Cancel; the source is never overwritten.
 */
final class ExportDump {
    private static final Logger LOG = Logger.instance();

    private ExportDump() {
    }

    /** What an export writes, with the words its dialogs use. */
    enum Kind {
        ELF("an ELF vmcore", ".elf", "segments", "Writing the dump's memory as an ELF vmcore", ConvertOptions.elf()),
        KDUMP("a compressed kdump", ".kdump", "pieces of flattened records", "Writing the flattened records back as a compressed kdump",
                ConvertOptions.kdump());

        private final String noun;
        private final String extension;
        private final String parts;
        private final String working;
        private final ConvertOptions options;

        Kind(String noun, String extension, String parts, String working, ConvertOptions options) {
            this.noun = noun;
            this.extension = extension;
            this.parts = parts;
            this.working = working;
            this.options = options;
        }

        String title() {
            return "Export as " + noun.substring(noun.indexOf(' ') + 1);
        }

        String summary(ConvertResult r) {
            return "Wrote " + r.output() + ": " + r.segments() + " " + parts + " holding " + Sizes.of(r.memoryBytes())
                    + " of memory, in a file of " + Sizes.of(r.fileSize()) + ".";
        }
    }

    /** Asks where to write, then exports; {@code done} receives the dialog shown at the end. */
    static void ask(Window owner, Session session, Kind kind, java.util.function.Consumer<Alert> done) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(kind.title());
        chooser.setInitialFileName(baseName(session.dump().source()) + kind.extension);
        File f = chooser.showSaveDialog(owner);
        if (f != null) {
            start(owner, session, kind, f.toPath(), done);
        }
    }

    /** Exports to {@code output} with a progress dialog (also the entry point of tests). */
    static Task<ConvertResult> start(Window owner, Session session, Kind kind, Path output, java.util.function.Consumer<Alert> done) {
        ProgressTask<ConvertResult> task = new ProgressTask<>("Exporting " + output.getFileName(),
                (Progress p) -> DumpConverter.convert(session.dump(), List.of(), output, kind.options, p));
        Alert progress = progressDialog(owner, task, kind);
        task.setOnSucceeded(e -> {
            progress.close();
            ConvertResult r = task.getValue();
            Alert ok = new Alert(Alert.AlertType.INFORMATION, kind.summary(r));
            ok.initOwner(owner);
            ok.setHeaderText("Exported as " + kind.noun);
            ok.show();
            done.accept(ok);
        });
        task.setOnCancelled(e -> progress.close());
        task.setOnFailed(e -> {
            progress.close();
            LOG.atWarn().log(task.getException(), "export of {} to {} failed", session.dump().source(), output);
            done.accept(ErrorDialog.show(owner, session.dump().source(), Problem.of(task.getException())));
        });
        Thread worker = new Thread(task, "vmscope-export");
        worker.setDaemon(true);
        worker.start();
        progress.show();
        return task;
    }

    private static Alert progressDialog(Window owner, Task<?> task, Kind kind) {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(420);
        bar.progressProperty().bind(task.progressProperty());
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        Alert a = new Alert(Alert.AlertType.NONE, "", ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle(kind.title());
        a.setHeaderText(kind.working);
        a.getDialogPane().setContent(new VBox(8, message, bar));
        a.setOnCloseRequest(e -> {
            if (task.isRunning()) {
                task.cancel();
            }
        });
        return a;
    }

    private static String baseName(String source) {
        String name = Path.of(source).getFileName() == null ? "dump" : Path.of(source).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
