package io.cutover.plan;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run does ({@code cutover.run.*}), checked when the application starts: a wrong value stops the start with the
 * key named. Their defaults and the why of each are in application.properties. In the plan package, which chooses the
 * objects and records of a run, so that the run package (which uses the plan) and the plan do not depend on each other.
 */
@ConfigMapping(prefix = "cutover.run")
public interface RunConfig {

    /** full, dry-run, sample or segment; checked by {@code RunKind}, which names the kinds. */
    String kind();

    /** A sample run's records per object (100), or a share of them (10%). */
    @Pattern(regexp = "\\s*(0*[1-9][0-9]*|0*([1-9][0-9]?|100)\\s*%)\\s*",
            message = "must be a number of records per object (100) or a share of them (10%)")
    String sampleSize();

    /** Records per object in a dry run's sample file. */
    @Positive
    int dryRunSample();

    /** Only these objects are loaded, parents first. */
    Optional<List<String>> objects();

    /** The load order imposed instead of the mappings' (every mapped object, once). */
    Optional<List<String>> order();

    /**
     * A segment run's filter per object ({@code cutover.run.segment.Account=$simple{...}}), which the source and sync
     * stages read by object.
     */
    Map<String, String> segment();

    /**
     * The cut-off date per object ({@code cutover.run.cutoff.Task=2024-01-01}): records dated before it, by the column
     * the object's mapping names ({@code cutoff:}), stay behind in the legacy CRM, skipped with the reason. Read by the
     * selection by object, as the segments are.
     */
    Map<String, LocalDate> cutoff();

    /**
     * When the legacy export was taken (yyyy-MM-dd): recorded with the run when it starts and shown in its report, so
     * that the report says which state of the legacy CRM the run moved.
     */
    Optional<LocalDate> exportDate();
}
