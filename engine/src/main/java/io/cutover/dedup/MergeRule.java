package io.cutover.dedup;

import java.util.List;
import java.util.Map;

/**
 * When duplicates are merged automatically ({@code cutover.matching.mode=merge}), which record of a cluster survives,
 * and which values it loads. Read from a match rules file's {@code merge:} key.
 *
 * @param above the score the weakest link of a cluster must reach for the cluster to be merged; clusters below it are
 *     written for review, as in review mode
 * @param survivor how the surviving record is chosen
 * @param changedAt the legacy columns saying when a record last changed, the first a record has a value of; empty: the
 *     exports' change columns ({@code changes:}, a REST source's incremental field). For {@code most-recent} and
 *     {@code prefer-newest}
 * @param sources source names, the most trusted first, for {@code source-priority} and a field's {@code prefer-source}
 *     when it names none
 * @param fields per target field, where its value comes from when it is not the survivor's own or, empty, the first
 *     other record's that has one
 */
public record MergeRule(double above, Survivor survivor, List<String> changedAt, List<String> sources,
        Map<String, FieldMerge> fields) {

    public MergeRule(double above, Survivor survivor) {
        this(above, survivor, List.of(), List.of(), Map.of());
    }

    /** Which record of a cluster survives; ties go to the most complete, then to the first read. */
    public enum Survivor {
        /** The record with the most fields filled. */
        MOST_COMPLETE,
        /** The record read first (export order). */
        FIRST,
        /** The record changed last, by {@link #changedAt}; one without a change time comes after those with one. */
        MOST_RECENT,
        /** The record from the source first in {@link #sources}; sources not listed come after those listed. */
        SOURCE_PRIORITY
    }

    /**
     * Where one field's merged value comes from.
     *
     * @param sources for {@link Rule#PREFER_SOURCE}: the sources whose value wins, the first first
     */
    public record FieldMerge(Rule rule, List<String> sources) {

        public enum Rule {
            /** The survivor's value; when it has none, the first other record's (the default for every field). */
            FILL_EMPTY,
            /** The value of the most recently changed record that has one. */
            PREFER_NEWEST,
            /** The value of the first record, in the order of {@link #sources}, that has one; else as fill-empty. */
            PREFER_SOURCE
        }
    }
}
