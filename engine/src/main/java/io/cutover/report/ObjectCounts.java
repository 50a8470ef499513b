package io.cutover.report;

import io.cutover.pipeline.Outcome;
import java.util.Map;

/**
 * What became of one object's records in one run. {@code read} is counted by the source, the rest by the ledger;
 * {@code deleted} only by the cutover sync.
 */
public record ObjectCounts(long read, long loaded, long updated, long unchanged, long rejected, long merged, long skipped,
        long deleted) {

    static ObjectCounts of(long read, Map<Outcome, Long> outcomes) {
        return new ObjectCounts(read, count(outcomes, Outcome.LOADED), count(outcomes, Outcome.UPDATED),
                count(outcomes, Outcome.UNCHANGED), count(outcomes, Outcome.REJECTED), count(outcomes, Outcome.MERGED),
                count(outcomes, Outcome.SKIPPED), count(outcomes, Outcome.DELETED));
    }

    /** Every record read has exactly one outcome. */
    public boolean accountedFor() {
        return read == loaded + updated + unchanged + rejected + merged + skipped + deleted;
    }

    private static long count(Map<Outcome, Long> outcomes, Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }
}
