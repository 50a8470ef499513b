package io.cutover.rollback;

/** A ledger entry as it was before a run changed it: what a rollback writes back. */
public record LedgerEntry(String legacyId, String targetId, String contentHash, String outcome, String runId) {}
