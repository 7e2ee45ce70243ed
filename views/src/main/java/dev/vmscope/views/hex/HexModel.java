package dev.vmscope.views.hex;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Progress;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.kernel.symbols.AddressExpression;
import dev.vmscope.core.kernel.symbols.SymbolTable;
import dev.vmscope.views.fx.LatestRequest;
import elf4j.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The state of the hex view: which space, which rows are in view, the byte asked for, and the rows'
 * contents. Only the rows in view are read, a page at a time, off the FX thread; the latest request
 * wins. The window moves by rows, pages, to either end, or to an address typed.
 */
public final class HexModel {
    private static final Logger LOG = Logger.instance();
    /** The most bytes one copy takes. */
    static final int COPY_MAX = 1 << 16;

    private final Session session;
    private final List<Space> spaces;
    private final PageCache cache;
    private final ObjectProperty<Space> space = new SimpleObjectProperty<>(this, "space");
    private final ReadOnlyObjectWrapper<HexWindow> window = new ReadOnlyObjectWrapper<>(this, "window");
    private final ReadOnlyObjectWrapper<List<HexRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyObjectWrapper<OptionalLong> target = new ReadOnlyObjectWrapper<>(this, "target", OptionalLong.empty());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanProperty words = new SimpleBooleanProperty(this, "words");
    private final ObjectProperty<ByteSpan> selection = new SimpleObjectProperty<>(this, "selection");
    private final LatestRequest<String> copies = new LatestRequest<>();
    private final LatestRequest<List<HexRow>> reads = new LatestRequest<>();
    private final ReadOnlyObjectWrapper<List<Long>> aliases = new ReadOnlyObjectWrapper<>(this, "aliases", List.of());
    private final LatestRequest<List<Long>> aliasRequests = new LatestRequest<>();

    public HexModel(Session session) {
        this.session = session;
        this.cache = new PageCache(new PageReader(session));
        this.spaces = spacesOf(session);
        Space first = spaces.getFirst();
        space.set(first);
        window.set(new HexWindow(lastRow(first), start(first), 24));
        space.subscribe((old, now) -> {
            target.set(OptionalLong.empty());
            selection.set(null);
            window.set(new HexWindow(lastRow(now), start(now), window.get().rows()));
        });
        window.subscribe(this::load);
        target.subscribe(this::findAliases);
    }

    /**
     * The kernel virtual addresses that map the byte gone to in the dump's own space (physical, or machine
     * for a Xen host), the direct map first; empty in the virtual space, before a "go to", and where the
     * kernel's page tables are unknown or cannot be enumerated. Found off the FX thread.
     */
    public ReadOnlyObjectProperty<List<Long>> aliasesProperty() {
        return aliases.getReadOnlyProperty();
    }

    private void findAliases(OptionalLong at) {
        aliases.set(List.of());
        if (at.isEmpty() || space.get() != session.memory().space() || session.kernel().isEmpty()) {
            aliasRequests.submit(List::of, aliases::set, e -> { });
            return;
        }
        long address = at.getAsLong();
        aliasRequests.submit(() -> session.virtualAliases(address, Progress.NONE), aliases::set,
                e -> LOG.atDebug().log(e, (Object) ("no virtual aliases of " + Hex.of(address))));
    }

    private static List<Space> spacesOf(Session session) {
        List<Space> out = new ArrayList<>();
        Space held = session.memory().space();
        out.add(held);
        if (held == Space.MACHINE) {
            out.add(Space.PHYSICAL);
        }
        if (session.kernel().isPresent()) {
            out.add(Space.KERNEL_VIRTUAL);
        }
        return List.copyOf(out);
    }

    /** The spaces this session can show: the dump's own, and virtual when the kernel's paging is known. */
    public List<Space> spaces() {
        return spaces;
    }

    public ObjectProperty<Space> spaceProperty() {
        return space;
    }

    public ReadOnlyObjectProperty<HexWindow> windowProperty() {
        return window.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<HexRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** The byte last gone to, highlighted. */
    public ReadOnlyObjectProperty<OptionalLong> targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** Whether the rows also show their two little-endian 64-bit words. */
    public BooleanProperty wordsProperty() {
        return words;
    }

    /** The bytes selected (or found), or null. */
    public ObjectProperty<ByteSpan> selectionProperty() {
        return selection;
    }

    /**
     * Reads the selection (at most {@value #COPY_MAX} bytes) off the FX thread and gives it as text:
     * hex bytes separated by spaces, or ASCII with a dot for each unprintable byte; bytes not in the
     * dump are {@code ??} or a blank.
     */
    public void copySelection(boolean ascii, Consumer<String> done) {
        ByteSpan span = selection.get();
        if (span == null) {
            return;
        }
        Space s = space.get();
        long length = Math.min(span.length(), COPY_MAX);
        copies.submit(() -> text(s, span.start(), (int) length, ascii), done, e -> problem.set(String.valueOf(e.getMessage())));
    }

    private String text(Space s, long start, int length, boolean ascii) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            long at = start + i;
            PageBytes page = cache.page(s, at);
            int off = (int) (at - page.base());
            int b = page.data()[off] & 0xff;
            if (ascii) {
                out.append(!page.readable(off) ? ' ' : b >= 0x20 && b < 0x7f ? (char) b : '.');
            } else {
                out.append(i == 0 ? "" : " ").append(page.readable(off) ? String.format("%02x", b) : "??");
            }
        }
        return out.toString();
    }

    /** The session shown, for searches over its memory. */
    Session session() {
        return session;
    }

    /** What went wrong with the last "go to", in words; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** How many rows the view has room for. */
    public void setVisibleRows(int n) {
        if (n != window.get().rows()) {
            window.set(window.get().withRows(n));
        }
    }

    public void scroll(long deltaRows) {
        window.set(window.get().scroll(deltaRows));
    }

    public void page(int direction) {
        scroll((long) direction * Math.max(1, window.get().rows() - 1));
    }

    public void home() {
        window.set(window.get().at(0));
    }

    public void end() {
        window.set(window.get().at(window.get().lastRow()));
    }

    public void scrollTo(double fraction) {
        window.set(window.get().atFraction(fraction));
    }

    /** Goes to an address typed in hex (with or without {@code 0x}) in the current space. */
    public void goTo(String text) {
        goTo(text, Optional.empty());
    }

    /**
     * Goes to what was typed: hexadecimal, or — in the kernel's virtual space, once symbols are loaded — a
     * symbol expression ({@code init_task}, {@code sym+0x10}); symbols name virtual addresses only.
     */
    public void goTo(String text, Optional<SymbolTable> symbols) {
        if (space.get() == Space.KERNEL_VIRTUAL && symbols.isPresent()) {
            try {
                goTo(AddressExpression.parse(text, symbols));
            } catch (AddressExpression.BadAddressException e) {
                problem.set(e.getMessage());
            }
            return;
        }
        try {
            goTo(Hex.parse(text));
        } catch (NumberFormatException e) {
            problem.set(symbols.isPresent()
                    ? e.getMessage() + " (symbols name kernel virtual addresses: choose " + Space.KERNEL_VIRTUAL.word() + " first)"
                    : e.getMessage());
        }
    }

    public void goTo(long address) {
        HexWindow w = window.get();
        if (!w.contains(address)) {
            problem.set(space.get().word() + " " + Hex.of(address) + " is past the last address this dump describes ("
                    + Hex.of(w.lastRow() + HexRow.WIDTH - 1) + ")");
            return;
        }
        problem.set("");
        target.set(OptionalLong.of(address));
        window.set(w.at(address));
    }

    /** Shows {@code address} of {@code in}, switching space if needed. */
    public void show(Space in, long address) {
        if (spaces.contains(in)) {
            space.set(in);
        }
        goTo(address);
    }

    private long start(Space s) {
        return s == Space.KERNEL_VIRTUAL ? session.kernel().map(k -> k.layout().isEmpty() ? 0L
                : k.layout().getFirst().start()).orElse(0L) : 0L;
    }

    /** The last row of a space: the end of the dump's ranges for its own space, the top of 64 bits for others. */
    private long lastRow(Space s) {
        List<MemoryRange> ranges = session.memory().ranges();
        if (s != session.memory().space() || ranges.isEmpty() || ranges.getLast().end() == 0) {
            return -HexRow.WIDTH;
        }
        return ((ranges.getLast().end() + HexRow.WIDTH - 1) & -HexRow.WIDTH) - HexRow.WIDTH;
    }

    private void load(HexWindow w) {
        Space s = space.get();
        reads.submit(() -> cache.rows(s, w), rows::set, e -> {
            LOG.atWarn().log(e, "reading {} rows at {} failed", s.word(), Hex.of(w.top()));
            problem.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        });
    }
}
