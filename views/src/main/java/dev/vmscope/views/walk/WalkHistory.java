package dev.vmscope.views.walk;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The walks asked for, like a browser's history: a new walk drops whatever was ahead of the current
 * one; back and forward move along the list. At most {@link #LIMIT} entries are kept.
 *
 * @param <T> what one visit records
 */
final class WalkHistory<T> {
    static final int LIMIT = 200;
    private final List<T> visits = new ArrayList<>();
    private int current = -1;
    private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper(this, "canBack");
    private final ReadOnlyBooleanWrapper canForward = new ReadOnlyBooleanWrapper(this, "canForward");

    void visit(T visit) {
        if (current >= 0 && visits.get(current).equals(visit)) {
            return;
        }
        visits.subList(current + 1, visits.size()).clear();
        visits.add(visit);
        if (visits.size() > LIMIT) {
            visits.removeFirst();
        }
        current = visits.size() - 1;
        update();
    }

    Optional<T> back() {
        return move(-1);
    }

    Optional<T> forward() {
        return move(1);
    }

    private Optional<T> move(int by) {
        int to = current + by;
        if (to < 0 || to >= visits.size()) {
            return Optional.empty();
        }
        current = to;
        update();
        return Optional.of(visits.get(to));
    }

    private void update() {
        canBack.set(current > 0);
        canForward.set(current < visits.size() - 1);
    }

    ReadOnlyBooleanProperty canBackProperty() {
        return canBack.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canForwardProperty() {
        return canForward.getReadOnlyProperty();
    }
}
