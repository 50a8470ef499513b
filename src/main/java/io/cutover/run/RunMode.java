package io.cutover.run;

import java.util.Arrays;
import java.util.Optional;

/** How the application runs ({@code cutover.mode}). */
public enum RunMode {
    /** Keep running after the migration: Dev UI, metrics, health, sandbox. */
    SERVE("serve"),
    /** Migrate, report, and exit with a code a pipeline can act on. */
    ONCE("once"),
    /** Export the target org's describe files, and exit. */
    EXPORT_SCHEMA("export-schema");

    private final String value;

    RunMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static Optional<RunMode> of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value.equals(value)).findFirst();
    }
}
