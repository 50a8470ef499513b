package io.cutover.reconcile;

import io.cutover.plan.SampleSize;
import java.util.function.Predicate;

/**
 * Whose fields the reconciliation compares ({@code cutover.reconcile.sample}): every record ({@code all}), a share of
 * them ({@code 10%}), or about a number of them ({@code 500}, at most that many), chosen by legacy id as a sample run
 * chooses its records, so that the same records are compared every time. Counts and ids are compared for every record
 * whatever the sample: they are what proves nothing was lost.
 */
final class FieldSample {

    private final SampleSize size;

    private FieldSample(SampleSize size) {
        this.size = size;
    }

    static FieldSample parse(String text) {
        return new FieldSample("all".equalsIgnoreCase(text.trim()) ? null : SampleSize.parse(text));
    }

    /** The records to compare among an object's {@code population}, asked one legacy id at a time. */
    Predicate<String> among(long population) {
        if (size == null) {
            return legacyId -> true;
        }
        int percent = size.percent() > 0 ? size.percent()
                : (int) Math.min(100, Math.ceil(100.0 * size.records() / Math.max(1, population)));
        long most = size.percent() > 0 ? Long.MAX_VALUE : size.records();
        long[] chosen = {0};
        return legacyId -> Math.floorMod(legacyId.hashCode(), 100) < percent && chosen[0]++ < most;
    }

    @Override
    public String toString() {
        return size == null ? "all" : size.toString();
    }
}
