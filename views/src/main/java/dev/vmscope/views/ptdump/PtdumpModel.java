package dev.vmscope.views.ptdump;

import dev.vmscope.core.Session;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.core.xlat.MappingRange;
import dev.vmscope.core.xlat.PageTableDump;
import dev.vmscope.core.xlat.PagingForm;
import dev.vmscope.views.fx.Background;
import dev.vmscope.views.fx.ProgressTask;
import dev.vmscope.views.symbols.SymbolsModel;
import dev.vmscope.views.walk.WalkModel;
import dev.vmscope.views.walk.WalkRoot;
import elf4j.Logger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The state of the ptdump pane: the roots (the kernel's table and each CPU's), the chosen one, every
 * mapping it reaches (computed in a cancellable task with progress), the filter, and the groups the
 * filter lets through.
 */
public final class PtdumpModel {
    private static final Logger LOG = Logger.instance();
    private final Session session;
    private final ObservableList<WalkRoot> roots;
    private final SymbolsModel symbols;
    private final ObjectProperty<WalkRoot> root = new SimpleObjectProperty<>(this, "root");
    private final ObjectProperty<MappingFilter> filter = new SimpleObjectProperty<>(this, "filter", MappingFilter.NONE);
    private final ReadOnlyObjectWrapper<PageTableDump.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<List<MappingGroup>> groups = new ReadOnlyObjectWrapper<>(this, "groups", List.of());
    private final ReadOnlyObjectWrapper<ProgressTask<PageTableDump.Result>> running = new ReadOnlyObjectWrapper<>(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /** @param walk the walk pane's model, for its roots and the session's symbols */
    public PtdumpModel(Session session, WalkModel walk) {
        this.session = session;
        this.roots = walk.roots();
        this.symbols = walk.symbols();
        root.set(roots.isEmpty() ? null : roots.getFirst());
        root.subscribe(r -> compute());
        filter.subscribe(f -> regroup());
        symbols.tableProperty().subscribe(t -> regroup());
    }

    public boolean available() {
        return session.kernel().isPresent();
    }

    public String unavailableReason() {
        return session.kernelProblem().orElse("no page tables known");
    }

    public ObservableList<WalkRoot> roots() {
        return roots;
    }

    public ObjectProperty<WalkRoot> rootProperty() {
        return root;
    }

    public ObjectProperty<MappingFilter> filterProperty() {
        return filter;
    }

    /** Everything the chosen root maps, unfiltered; {@code null} until computed. */
    public ReadOnlyObjectProperty<PageTableDump.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The ranges the filter lets through, grouped by top-level entry. */
    public ReadOnlyObjectProperty<List<MappingGroup>> groupsProperty() {
        return groups.getReadOnlyProperty();
    }

    /** The computation in progress, or {@code null}. */
    public ReadOnlyObjectProperty<ProgressTask<PageTableDump.Result>> runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** How many ranges are shown of how many, or why none are, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public SymbolsModel symbols() {
        return symbols;
    }

    /** Reads every mapping of the chosen root again (off the FX thread), cancelling a computation in progress. */
    public void compute() {
        cancel();
        WalkRoot from = root.get();
        if (from == null || !available()) {
            status.set(unavailableReason());
            return;
        }
        boolean kernel = from.cpu().isEmpty();
        ProgressTask<PageTableDump.Result> task = new ProgressTask<>("Reading the page tables of the " + from.name(),
                p -> kernel ? session.kernelMappings(p) : session.mappings(from.register(), p));
        running.set(task);
        result.set(null);
        regroup();
        status.set("reading the page tables …");
        task.setOnSucceeded(e -> finish(task, () -> {
            result.set(task.getValue());
            regroup();
        }));
        task.setOnFailed(e -> finish(task, () -> {
            LOG.atWarn().log(task.getException(), "ptdump of {} failed", from);
            status.set("failed: " + task.getException().getMessage());
        }));
        task.setOnCancelled(e -> finish(task, () -> status.set("cancelled")));
        Background.readers().execute(task);
    }

    public void cancel() {
        ProgressTask<PageTableDump.Result> t = running.get();
        if (t != null) {
            t.cancel(true);
        }
    }

    private void finish(ProgressTask<PageTableDump.Result> task, Runnable then) {
        if (running.get() == task) {
            running.set(null);
            then.run();
        }
    }

    private void regroup() {
        PageTableDump.Result r = result.get();
        if (r == null) {
            groups.set(List.of());
            return;
        }
        PagingForm form = session.kernel().orElseThrow().mode().form();
        List<VirtualRegion> layout = session.kernel().map(KernelFacts::layout).orElse(List.of());
        List<MappingRange> shown = r.ranges().stream().filter(filter.get().predicate(form.pageSize(), symbols.table())).toList();
        groups.set(MappingGroup.of(shown, form, layout));
        status.set(shown.size() + " of " + r.ranges().size() + " ranges" + (r.truncated() == null ? "" : " — " + r.truncated()));
    }
}
