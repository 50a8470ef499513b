package io.cutover.pipeline;

/** What became of one source record in one run. For every run and object, the outcomes add up to the records read. */
public enum Outcome {
    LOADED, UPDATED, UNCHANGED, REJECTED, MERGED, SKIPPED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
