package io.cutover.rollback;

/**
 * A record a run created in the target, which its rollback deletes.
 *
 * @param previous the ledger entry the legacy id had before the run, when it had one with a target id (the target
 *                 record was deleted there, and the run created it again); null otherwise
 */
public record CreatedRecord(long recordNumber, String legacyId, String targetId, LedgerEntry previous) implements RolledBackRecord {

    @Override
    public String action() {
        return "delete";
    }
}
