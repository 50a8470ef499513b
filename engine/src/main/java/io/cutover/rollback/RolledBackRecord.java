package io.cutover.rollback;

/** A record a rollback sends to the target: its results are matched to it by target id. */
interface RolledBackRecord {
    String legacyId();

    String targetId();
}
