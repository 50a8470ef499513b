package io.cutover.run;

/** How the application runs migrations ({@code cutover.mode}). */
public enum RunMode {
    /** Keep running after the migration: Dev UI, metrics, health, sandbox. */
    serve,
    /** Migrate, report, and exit with a code a pipeline can act on. */
    once
}
