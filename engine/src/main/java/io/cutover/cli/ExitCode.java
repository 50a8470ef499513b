package io.cutover.cli;

/**
 * The exit codes of every command, as docs/cli.md's table lists them (CommandLineTest holds the two to each other). The
 * modes themselves decide 0, 1 and 2 (io.cutover.run.MigrationLauncher, Quarkus for a failed start); 64 is the
 * command line's own.
 */
enum ExitCode {
    DONE(0, "done: every record accounted for, rejects within cutover.max-reject-rate, the target agrees with the ledger;"
            + " a tool wrote its files; a rollback undid the whole run; help printed"),
    REJECTS_OR_CANNOT_START(1, "too many rejects (migrate, requeue); or Cutover could not start: a configuration or"
            + " file problem, named in the log"),
    FAILED(2, "the run failed, its outcomes do not add up to the records read, or the target disagrees with the ledger"
            + " (migrate, requeue, reconcile); a tool could not write its files; a rollback left part of the run;"
            + " the schema export failed"),
    // 64 is EX_USAGE of BSD's sysexits.h; picocli's own default (2) would read as a failed run
    USAGE(64, "the command line is wrong: an unknown command or option, a missing or invalid value; what is wrong is printed");

    final int code;
    final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }
}
