package io.cutover.pipeline;

/**
 * What became of one source record in one run. For every run and object, the outcomes add up to the records read.
 * {@code DELETED}: deleted in the target because the cutover sync saw it deleted in the legacy CRM.
 * {@code PENDING} is not an outcome but the state of a record read and not yet loaded: a finished run has none.
 */
public enum Outcome {
    LOADED, UPDATED, UNCHANGED, REJECTED, MERGED, SKIPPED, DELETED, PENDING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
