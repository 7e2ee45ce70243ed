package dev.vmscope.views.walk;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.Register;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.kernel.symbols.AddressExpression;
import dev.vmscope.views.fx.LatestRequest;
import dev.vmscope.views.symbols.SymbolsModel;
import elf4j.Logger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
 * address asked for, its translation, the level shown and that level's whole table, and the history
 * of walks. Walks and table reads run off the FX thread; the latest one wins. Changing the root walks
 * the same address again.
 */
public final class WalkModel {
    private static final Logger LOG = Logger.instance();

    private final Session session;
    private final ObservableList<WalkRoot> roots;
    private final ObjectProperty<WalkRoot> root = new SimpleObjectProperty<>(this, "root");
    private final ReadOnlyObjectWrapper<Translation> translation = new ReadOnlyObjectWrapper<>(this, "translation");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final LatestRequest<Translation> walks = new LatestRequest<>();
    private final ReadOnlyIntegerWrapper level = new ReadOnlyIntegerWrapper(this, "level", -1);
    private final ReadOnlyObjectWrapper<LevelTable> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final LatestRequest<LevelTable> tables = new LatestRequest<>();
    private final WalkHistory<Visit> history = new WalkHistory<>();
    private final SymbolsModel symbols;
    private OptionalLong address = OptionalLong.empty();
    private boolean restoring;

    /** One walk of the history: the address, the root, and the level shown (-1: the last step). */
    private record Visit(long va, WalkRoot root, int level) {
    }

    public WalkModel(Session session) {
        this(session, new SymbolsModel(session));
    }

    /** @param symbols the session's symbols, shared with other panes */
    public WalkModel(Session session, SymbolsModel symbols) {
        this.session = session;
        this.symbols = symbols;
        this.roots = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(rootsOf(session)));
        root.set(roots.isEmpty() ? null : roots.getFirst());
        root.subscribe(r -> {
            if (!restoring) {
                address.ifPresent(this::walk);
            }
        });
    }

    public SymbolsModel symbols() {
        return symbols;
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

    /**
     * Walks the address typed: hex with or without {@code 0x}, or with symbols loaded {@code sym},
     * {@code sym+0x10}, {@code sym-16}; a typing mistake becomes the problem text.
     */
    public void walk(String text) {
        try {
            walk(AddressExpression.parse(text, symbols.table()));
        } catch (AddressExpression.BadAddressException e) {
            problem.set(e.getMessage());
        }
    }

    public void walk(long va) {
        walk(va, -1);
    }

    /** Walks {@code va} and then shows level {@code shownLevel} (-1: the last step the walk took). */
    private void walk(long va, int shownLevel) {
        address = OptionalLong.of(va);
        WalkRoot from = root.get();
        if (from == null) {
            problem.set(unavailableReason());
            return;
        }
        problem.set("");
        history.visit(new Visit(va, from, shownLevel));
        walks.submit(() -> session.translate(va, from.register()), t -> {
            translation.set(t);
            selectLevel(shownLevel < 0 || shownLevel >= t.steps().size() ? t.steps().size() - 1 : shownLevel);
        }, e -> {
            LOG.atWarn().log(e, "walk of {} failed", Hex.of(va));
            translation.set(null);
            selectLevel(-1);
            problem.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        });
    }

    /** The level whose table is shown (0 = top), -1 before a walk or when it took no step. */
    public ReadOnlyIntegerProperty levelProperty() {
        return level.getReadOnlyProperty();
    }

    /** The whole table of the level shown, once read; {@code null} while none is. */
    public ReadOnlyObjectProperty<LevelTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    /** Shows the table of level {@code shown} of the current walk, read off the FX thread. */
    public void selectLevel(int shown) {
        Translation t = translation.get();
        level.set(t == null ? -1 : shown);
        table.set(null);
        if (t == null || shown < 0 || shown >= t.steps().size() || !t.steps().get(shown).entryRead()) {
            return;
        }
        tables.submit(() -> LevelTable.read(session, t, shown), table::set, e -> {
            LOG.atWarn().log(e, "table of {} not read", t.steps().get(shown).level());
            problem.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        });
    }

    /**
     * Walks from the table shown through a present entry: the walked address takes that entry's index
     * at this level (the bits below cleared), and the next level's table is shown. For the entry the walk
     * took, the next level is shown without walking again.
     */
    public void descend(TableEntry entry) {
        Translation t = translation.get();
        int at = level.get();
        if (t == null || at < 0 || !entry.present()) {
            return;
        }
        if (entry.index() == t.steps().get(at).index()) {
            if (at + 1 < t.steps().size()) {
                selectLevel(at + 1); // the entry the walk took: its next table is already walked
            }
            return;
        }
        walk(entry.virtualStart(), entry.decoded().leaf() ? at : at + 1);
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return history.canBackProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return history.canForwardProperty();
    }

    /** Walks the previous walk of the history again, with its root. */
    public void back() {
        history.back().ifPresent(this::revisit);
    }

    public void forward() {
        history.forward().ifPresent(this::revisit);
    }

    private void revisit(Visit v) {
        restoring = true;
        try {
            root.set(v.root());
        } finally {
            restoring = false;
        }
        walk(v.va(), v.level());
    }

    /** The last address walked, for the address field. */
    public OptionalLong address() {
        return address;
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
