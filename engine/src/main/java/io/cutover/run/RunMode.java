package io.cutover.run;

import java.util.Arrays;
import java.util.Optional;

/** How the application runs ({@code cutover.mode}). */
public enum RunMode {
    /** Keep running after the migration: Dev UI, metrics, health, sandbox. */
    SERVE("serve"),
    /** Migrate, report, and exit with a code a pipeline can act on. */
    ONCE("once"),
    /** Load the fixed rejects files of cutover.requeue.dir like once mode, and exit. */
    REQUEUE("requeue"),
    /** Roll back the run cutover.rollback.run-id: delete what it created, restore what it updated; exit. */
    ROLLBACK("rollback"),
    /** Reconcile the target with the ledger, object by object, and exit: 0 when they agree. */
    RECONCILE("reconcile"),
    /** Export the target org's describe files, and exit. */
    EXPORT_SCHEMA("export-schema"),
    /** Propose a draft mapping file per described export, from its header and the target's describe, and exit. */
    AUTO_MAP("auto-map"),
    /** Profile the described exports (fill rates, values, shapes, problems), and exit. */
    PROFILE("profile"),
    /** Write the field mapping table stakeholders review, and exit. */
    MAPPING_DOC("mapping-doc");

    private final String value;

    RunMode(String value) {
        this.value = value;
    }

    /** The commands that prepare a migration: they need neither the routes nor a target (MigrationLauncher#runTool). */
    boolean preparesMapping() {
        return this == AUTO_MAP || this == PROFILE || this == MAPPING_DOC;
    }

    public String value() {
        return value;
    }

    static Optional<RunMode> of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value.equals(value)).findFirst();
    }
}
