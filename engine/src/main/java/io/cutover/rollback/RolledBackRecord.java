package io.cutover.rollback;

/** A record a rollback sends to the target: its results are matched to it by target id. */
interface RolledBackRecord {
    String legacyId();

    String targetId();

    /** What rolling it back does, as the rollback report names it: delete or restore. */
    String action();
}
