package dev.vmscope.views;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.views.hex.HexModel;
import dev.vmscope.views.hex.HexPane;
import dev.vmscope.views.info.InfoModel;
import dev.vmscope.views.info.InfoPane;
import dev.vmscope.views.map.MemoryMapModel;
import dev.vmscope.views.map.MemoryMapPane;
import dev.vmscope.views.regs.RegistersModel;
import dev.vmscope.views.regs.RegistersPane;
import dev.vmscope.views.testing.CorpusSession;
import dev.vmscope.views.walk.WalkModel;
import dev.vmscope.views.walk.WalkPane;
import elf4j.Logger;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Each pane alone over one session, for working on a pane without the whole program:
 * {@code Gallery [DUMP]} (the corpus's x86-64 dump by default).
 */
public final class Gallery extends Application {
    private static final Logger LOG = Logger.instance();
    private final BorderPane stage = new BorderPane();

    public static void main(String[] args) {
        launch(Gallery.class, args);
    }

    @Override
    public void start(Stage window) {
        List<String> args = getParameters().getRaw();
        Path dump = args.isEmpty() ? Corpus.dump(CorpusSession.SET, CorpusSession.DUMP) : Path.of(args.getFirst());
        Session session = Session.open(dump, OpenOptions.DEFAULT);
        Navigation log = new Navigation() {
            @Override
            public void walk(long virtualAddress) {
                LOG.info("walk {}", virtualAddress);
            }

            @Override
            public void useCpuRoot(int cpu) {
                LOG.info("use the root of CPU {}", cpu);
            }

            @Override
            public void showHex(Space space, long address) {
                LOG.info("hex {} {}", space, address);
            }
        };
        Map<String, Supplier<Parent>> panes = new LinkedHashMap<>();
        panes.put("Info", () -> new InfoPane(new InfoModel(session)));
        panes.put("Memory map", () -> new MemoryMapPane(new MemoryMapModel(session), log));
        panes.put("Page walk", () -> new WalkPane(new WalkModel(session), log));
        panes.put("Registers", () -> new RegistersPane(new RegistersModel(session), log));
        panes.put("Hex", () -> new HexPane(new HexModel(session)));
        ListView<String> list = new ListView<>();
        list.getItems().setAll(panes.keySet());
        list.getSelectionModel().selectedItemProperty().subscribe(name -> {
            if (name != null) {
                stage.setCenter(panes.get(name).get());
            }
        });
        SplitPane split = new SplitPane(list, stage);
        split.setDividerPositions(0.16);
        window.setScene(new Scene(split, 1400, 900));
        window.setTitle("vmscope gallery — " + dump);
        window.setOnHidden(e -> session.close());
        window.show();
        list.getSelectionModel().selectFirst();
    }
}
