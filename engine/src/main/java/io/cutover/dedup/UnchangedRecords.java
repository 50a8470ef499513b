package io.cutover.dedup;

import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.Ledger;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;

/**
 * The dedup stage: a record whose mapped content is what the target already holds (the ledger's hash of the content
 * last loaded) is marked {@code unchanged} and not sent again. One ledger query per chunk of records, not one per
 * record. The ledger is written once the target has accepted a record, never before, so a failed load is tried again.
 * A changed record the target holds already is given that record's id: its load is an update.
 */
@Singleton
@Named("unchangedRecords")
public class UnchangedRecords {

    private final Ledger ledger;

    UnchangedRecords(Ledger ledger) {
        this.ledger = ledger;
    }

    public void mark(@Body List<PipelineRecord> chunk) {
        List<PipelineRecord> candidates = chunk.stream()
                .filter(record -> record.isLoadable() && !record.isDeletion() && !record.getLegacyId().isEmpty()).toList();
        if (candidates.isEmpty()) {
            return;
        }
        Map<String, Ledger.Entry> entries = ledger.entries(candidates.get(0).getObject(),
                candidates.stream().map(PipelineRecord::getLegacyId).distinct().toList());
        for (PipelineRecord record : candidates) {
            Ledger.Entry entry = entries.get(record.getLegacyId());
            if (entry == null || entry.targetId() == null) {
                continue;
            }
            if (record.getContentHash().equals(entry.contentHash())) {
                record.unchanged();
            } else {
                record.withTargetId(entry.targetId());
            }
        }
    }
}
