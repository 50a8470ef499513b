package io.cutover.dedup;

import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.Ledger;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The idempotent consumer's repository is the ledger itself: a record is a duplicate when the ledger says its
 * current content was already loaded. Keys are confirmed by the load stage writing the ledger once the target has
 * accepted the record, never before, so a failed load is retried on the next run.
 */
@Singleton
@Named("ledgerIdempotentRepository")
public class LedgerIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    private final Ledger ledger;

    LedgerIdempotentRepository(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public boolean add(Exchange exchange, String key) {
        return !contains(exchange, key);
    }

    @Override
    public boolean contains(Exchange exchange, String key) {
        PipelineRecord record = exchange.getMessage().getBody(PipelineRecord.class);
        return ledger.find(record.getObject(), record.getLegacyId())
                .filter(entry -> entry.targetId() != null && record.getContentHash().equals(entry.contentHash()))
                .isPresent();
    }

    @Override
    public boolean remove(Exchange exchange, String key) {
        return true;
    }

    @Override
    public boolean confirm(Exchange exchange, String key) {
        return true;
    }

    @Override
    public boolean add(String key) {
        throw new UnsupportedOperationException("The ledger decides from the record in the exchange, not from a key alone");
    }

    @Override
    public boolean contains(String key) {
        throw new UnsupportedOperationException("The ledger decides from the record in the exchange, not from a key alone");
    }

    @Override
    public boolean remove(String key) {
        return true;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("The ledger is the migration's record: it is never cleared from a route");
    }
}
