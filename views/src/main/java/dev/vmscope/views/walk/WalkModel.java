package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.Register;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.views.fx.LatestRequest;
import elf4j.Logger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The state of the page-table walk pane: the roots one can walk from, the chosen one, the last
 * address asked for, and its translation. Walks run off the FX thread; the latest one wins.
 * Changing the root walks the same address again.
 */
public final class WalkModel {
    private static final Logger LOG = Logger.instance();

    private final Session session;
    private final ObservableList<WalkRoot> roots;
    private final ObjectProperty<WalkRoot> root = new SimpleObjectProperty<>(this, "root");
    private final ReadOnlyObjectWrapper<Translation> translation = new ReadOnlyObjectWrapper<>(this, "translation");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final LatestRequest<Translation> walks = new LatestRequest<>();
    private OptionalLong address = OptionalLong.empty();

    public WalkModel(Session session) {
        this.session = session;
        this.roots = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(rootsOf(session)));
        root.set(roots.isEmpty() ? null : roots.getFirst());
        root.subscribe(r -> address.ifPresent(this::walk));
    }

    private static List<WalkRoot> rootsOf(Session session) {
        List<WalkRoot> out = new ArrayList<>();
        if (session.kernel().isEmpty()) {
            return out;
        }
        var k = session.kernel().get();
        out.add(WalkRoot.kernel(k.pageTableRoot(), k.rootOrigin()));
        List<Integer> seen = new ArrayList<>();
        for (CpuState c : session.dump().cpus()) {
            Optional<Register> r = c.register("cr3").or(() -> c.register("ttbr1_el1"));
            if (r.isPresent() && !seen.contains(c.cpu())) {
                seen.add(c.cpu());
                out.add(WalkRoot.cpu(c.cpu(), r.get().name().toUpperCase(java.util.Locale.ROOT), r.get().value(), c.source()));
            }
        }
        return out;
    }

    /** Whether this session can walk at all (it knows the kernel's paging). */
    public boolean available() {
        return session.kernel().isPresent();
    }

    /** Why walks are not available, when they are not. */
    public String unavailableReason() {
        return session.kernelProblem().orElse("no page tables known");
    }

    public PagingMode mode() {
        return session.kernel().orElseThrow().mode();
    }

    /** The space the tables and the pages are in: physical, or machine for a Xen host. */
    public Space tableSpace() {
        return session.translatedSpace();
    }

    public ObservableList<WalkRoot> roots() {
        return roots;
    }

    public ObjectProperty<WalkRoot> rootProperty() {
        return root;
    }

    /** Chooses the root of CPU {@code cpu}, if its notes give one; true when they do. */
    public boolean useCpuRoot(int cpu) {
        Optional<WalkRoot> r = roots.stream().filter(x -> x.cpu().equals(OptionalInt.of(cpu))).findFirst();
        r.ifPresent(root::set);
        return r.isPresent();
    }

    public ReadOnlyObjectProperty<Translation> translationProperty() {
        return translation.getReadOnlyProperty();
    }

    /** What went wrong with the last request, in words; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return walks.busyProperty();
    }

    /** Walks the address typed, hex with or without {@code 0x}; a typing mistake becomes the problem text. */
    public void walk(String text) {
        try {
            walk(Hex.parse(text));
        } catch (NumberFormatException e) {
            problem.set(e.getMessage());
        }
    }

    public void walk(long va) {
        address = OptionalLong.of(va);
        WalkRoot from = root.get();
        if (from == null) {
            problem.set(unavailableReason());
            return;
        }
        problem.set("");
        walks.submit(() -> session.translate(va, from.register()), translation::set, e -> {
            LOG.atWarn().log(e, "walk of {} failed", Hex.of(va));
            translation.set(null);
            problem.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        });
    }

    /** Addresses to try that the dump suggests. */
    public List<WalkExample> examples() {
        return WalkExamples.of(session);
    }

    /** Walks an example, with its CPU's root when it names one. */
    public void walk(WalkExample example) {
        example.cpu().ifPresent(this::useCpuRoot);
        walk(example.address());
    }

    /** The one-line meaning of a flag name, for its tooltip. */
    public String explain(String flag) {
        return mode().entries().explain(flag);
    }
}
