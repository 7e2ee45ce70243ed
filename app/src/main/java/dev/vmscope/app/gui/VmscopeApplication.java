package dev.vmscope.app.gui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window over the source the command line names. */
public final class VmscopeApplication extends Application {

    @Override
    public void start(Stage stage) {
        new MainWindow(stage, RecentFiles.forUser(), Source.Bundled.TEACHING).start(getParameters().getRaw());
    }
}
