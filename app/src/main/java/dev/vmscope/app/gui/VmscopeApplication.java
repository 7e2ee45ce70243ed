package dev.vmscope.app.gui;

import dev.vmscope.app.reader.LiveOpener;
import dev.vmscope.app.reader.ReaderLauncher;
import dev.vmscope.core.OpenOptions;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window over the source the command line names. */
public final class VmscopeApplication extends Application {

    @Override
    public void start(Stage stage) {
        new MainWindow(stage, RecentFiles.userNode(), Source.Bundled.TEACHING,
                source -> LiveOpener.open(source, OpenOptions.DEFAULT, ReaderLauncher.Frontend.GUI)).start(getParameters().getRaw());
    }
}
