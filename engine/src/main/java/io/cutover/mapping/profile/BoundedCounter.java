package io.cutover.mapping.profile;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts how often each value occurs, for at most {@code cap} distinct values, so that a column of millions of unique
 * values cannot fill the heap. Past the cap, new values are no longer told apart: the counter says so
 * ({@link #capped()}), and its distinct count is then a lower bound.
 */
final class BoundedCounter {

    private final int cap;
    private final Map<String, Long> counts = new HashMap<>();
    private boolean capped;

    BoundedCounter(int cap) {
        this.cap = cap;
    }

    void add(String value) {
        Long count = counts.get(value);
        if (count != null) {
            counts.put(value, count + 1);
        } else if (counts.size() < cap) {
            counts.put(value, 1L);
        } else {
            capped = true;
        }
    }

    boolean capped() {
        return capped;
    }

    int distinct() {
        return counts.size();
    }

    /** The most frequent values, most frequent first, ties in value order so that a report reads the same every time. */
    List<ValueCount> top(int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> new ValueCount(e.getKey(), e.getValue())).toList();
    }
}
