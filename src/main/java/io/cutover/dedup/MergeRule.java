package io.cutover.dedup;

/**
 * When duplicates are merged automatically ({@code cutover.matching.mode=merge}), and which record of a cluster
 * survives. Read from a match rules file's {@code merge:} key.
 *
 * @param above the score the weakest link of a cluster must reach for the cluster to be merged; clusters below it are
 *     written for review, as in review mode
 * @param survivor how the surviving record is chosen
 */
public record MergeRule(double above, Survivor survivor) {

    /** Which record of a cluster survives; ties go to the first read, so that every run chooses the same one. */
    public enum Survivor {
        /** The record with the most fields filled. */
        MOST_COMPLETE,
        /** The record read first (export order). */
        FIRST
    }
}
