package dev.vmscope.views.symbols;

import dev.vmscope.core.Session;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.kernel.symbols.SymbolLoader;
import dev.vmscope.core.kernel.symbols.SymbolOffset;
import dev.vmscope.core.kernel.symbols.SymbolTable;
import dev.vmscope.views.fx.Background;
import dev.vmscope.views.fx.ProgressTask;
import elf4j.Logger;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The kernel symbol table of one session, once loaded: loading runs in a {@link Task} (progress,
 * cancel) through core's {@link SymbolLoader}; the table and a status line are read-only properties.
 * One model is shared by every pane that reads or shows addresses.
 */
public final class SymbolsModel {
    private static final Logger LOG = Logger.instance();

    private final SymbolLoader.Facts facts;
    private final ReadOnlyObjectWrapper<Optional<SymbolTable>> table = new ReadOnlyObjectWrapper<>(this, "table", Optional.empty());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "no symbols loaded");
    private final ReadOnlyObjectWrapper<Task<SymbolTable>> loading = new ReadOnlyObjectWrapper<>(this, "loading");

    public SymbolsModel(Session session) {
        this(new SymbolLoader.Facts(
                session.dump().vmcoreinfo().map(v -> v.symbol("_stext")).orElse(OptionalLong.empty()),
                session.kernel().map(KernelFacts::kaslrOffset).orElse(0L)));
    }

    public SymbolsModel(SymbolLoader.Facts facts) {
        this.facts = facts;
    }

    /** The loaded table, empty until one is. */
    public ReadOnlyObjectProperty<Optional<SymbolTable>> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public Optional<SymbolTable> table() {
        return table.get();
    }

    /** What is loaded, or loading, or why it failed, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The load in progress, or {@code null}: for its progress and its cancel. */
    public ReadOnlyObjectProperty<Task<SymbolTable>> loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** {@code symbol+0x…} for an address, when a table is loaded and a symbol lies close below it. */
    public Optional<SymbolOffset> describe(long address) {
        return table.get().flatMap(t -> t.describe(address));
    }

    /** Loads a System.map, saved kallsyms or vmlinux off the FX thread; replaces the table when done. */
    public Task<SymbolTable> load(Path file) {
        cancel();
        Task<SymbolTable> task = new ProgressTask<>("Reading " + file.getFileName(), p -> SymbolLoader.load(file, facts, p));
        loading.set(task);
        status.set("loading " + file.getFileName() + " …");
        task.setOnSucceeded(e -> finish(task, () -> {
            SymbolTable t = task.getValue();
            table.set(Optional.of(t));
            status.set(t.size() + " symbols from " + file.getFileName() + " — " + t.relocation().how());
        }));
        task.setOnFailed(e -> finish(task, () -> {
            LOG.atWarn().log(task.getException(), "symbols from {} not loaded", file);
            status.set("not loaded: " + task.getException().getMessage());
        }));
        task.setOnCancelled(e -> finish(task, () -> status.set(table.get().isPresent() ? "load cancelled; kept the table loaded before" : "load cancelled")));
        Background.readers().execute(task);
        return task;
    }

    public void cancel() {
        Task<SymbolTable> t = loading.get();
        if (t != null) {
            t.cancel(true);
        }
    }

    private void finish(Task<SymbolTable> task, Runnable then) {
        if (loading.get() == task) {
            loading.set(null);
            then.run();
        }
    }
}
