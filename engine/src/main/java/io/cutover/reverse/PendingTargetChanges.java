package io.cutover.reverse;

import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.Ledger;
import io.cutover.state.SyncQueue;
import io.cutover.state.TargetChanges;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * A step of the forward sync's pipeline (routes/object-pipeline.yaml), with the reverse sync on: a legacy change of a
 * record whose target change has not been applied to the legacy CRM yet (or is held as a conflict) waits in the sync
 * queue, so that it cannot overwrite the target's change before the reverse sync has seen both and decided. One
 * ledger query and one inbox query per chunk.
 */
@Singleton
@Named("pendingTargetChanges")
public class PendingTargetChanges {

    /** The reason such a change waits; the sync queue tries it again later. */
    public static final String REASON = "TARGET_CHANGE_PENDING";

    private final ReverseSettings settings;
    private final Ledger ledger;
    private final TargetChanges changes;

    PendingTargetChanges(ReverseSettings settings, Ledger ledger, TargetChanges changes) {
        this.settings = settings;
        this.ledger = ledger;
        this.changes = changes;
    }

    public void holdBack(@Body List<PipelineRecord> chunk, @ExchangeProperty("runKind") String runKind) {
        if (!settings.enabled() || !SyncQueue.SYNC_RUN.equals(runKind)) {
            return;
        }
        List<PipelineRecord> candidates = chunk.stream()
                .filter(record -> record.isLoadable() && !record.getLegacyId().isEmpty()).toList();
        if (candidates.isEmpty() || !settings.objects().contains(candidates.get(0).getObject())) {
            return;
        }
        String object = candidates.get(0).getObject();
        Map<String, Ledger.Entry> entries = ledger.entries(object,
                candidates.stream().map(PipelineRecord::getLegacyId).distinct().toList());
        List<String> targetIds = entries.values().stream().map(Ledger.Entry::targetId).filter(Objects::nonNull)
                .distinct().toList();
        if (targetIds.isEmpty()) {
            return;
        }
        Set<String> pending = Set.copyOf(changes.unapplied(object, targetIds));
        Map<String, String> pendingByLegacyId = entries.entrySet().stream()
                .filter(entry -> pending.contains(entry.getValue().targetId()))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().targetId()));
        for (PipelineRecord record : candidates) {
            String targetId = pendingByLegacyId.get(record.getLegacyId());
            if (targetId != null) {
                record.reject(REASON, record.getSourceRef() + ": " + object + " " + record.getLegacyId() + ": the target "
                        + "record " + targetId + " has a change the reverse sync has not applied yet (or holds as a "
                        + "conflict); this change waits until it has");
            }
        }
    }
}
