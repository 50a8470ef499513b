package io.cutover.rollback;

/**
 * The before-image of a record a run updated: the target values its rollback writes back, and the ledger entry.
 *
 * @param fieldValues field -> value, as JSON
 */
public record KeptImage(LedgerEntry previous, String fieldValues) implements RolledBackRecord {

    @Override
    public String legacyId() {
        return previous.legacyId();
    }

    @Override
    public String targetId() {
        return previous.targetId();
    }

    @Override
    public String action() {
        return "restore";
    }
}
