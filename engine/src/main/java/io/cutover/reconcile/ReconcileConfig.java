package io.cutover.reconcile;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Reconciliation's settings ({@code cutover.reconcile.*}), checked when the application starts: a wrong value stops the
 * start with the key named. Their defaults and the why of each are in application.properties.
 */
@ConfigMapping(prefix = "cutover.reconcile")
public interface ReconcileConfig {

    /** Whether a run that loaded a Salesforce target is reconciled right after it. */
    boolean afterRun();

    /** Whether the fields are compared too, not only the counts and ids. */
    boolean fields();

    /** Whose fields are compared: all, a number of records per object (500) or a share (10%). */
    @Pattern(regexp = "(?i)\\s*(all|0*[1-9][0-9]*|0*([1-9][0-9]?|100)\\s*%)\\s*",
            message = "must be all, a number of records per object (500) or a share of them (10%)")
    String sample();

    /** An object with at least this many migrated records is read back through a Bulk API 2.0 query job. */
    @PositiveOrZero
    long bulkThreshold();
}
