package io.livehall.fair;

import java.util.List;

/**
 * Which fairs a figure covers: every fair there is ({@code all}), or the listed ones. Read in one query whatever their
 * number: SQL filters by {@code (:all or fair_id = any(:fairs))} with {@link #all()} and {@link #ids()}.
 */
public record FairSelection(boolean all, List<Long> fairIds) {

    public FairSelection {
        fairIds = List.copyOf(fairIds);
    }

    public static FairSelection of(long fairId) {
        return new FairSelection(false, List.of(fairId));
    }

    public static FairSelection of(List<Long> fairIds) {
        return new FairSelection(false, fairIds);
    }

    public static FairSelection everyFair() {
        return new FairSelection(true, List.of());
    }

    /** The listed fairs as a bind value for {@code any(:fairs)}. */
    public Long[] ids() {
        return fairIds.toArray(Long[]::new);
    }

    /** Whether it selects no fair at all (nothing to read). */
    public boolean none() {
        return !all && fairIds.isEmpty();
    }
}
