package io.cutover.load;

import io.cutover.mapping.MappingCatalog;
import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.DeferredReferences;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The run's last pass: sets the references left out of the first load because their parent was not in the target
 * yet (a parent further on in the same export, or a cycle between objects). Each record is updated with just those
 * fields, through the object's load route, upserting by its external id.
 */
@Singleton
@Named("referencePass")
public class ReferencePass {

    private final DeferredReferences references;
    private final MappingCatalog mappings;

    ReferencePass(DeferredReferences references, MappingCatalog mappings) {
        this.references = references;
        this.mappings = mappings;
    }

    /**
     * The updates to send, one object per batch. A reference whose parent never reached the target is closed as
     * failed here, and never sent.
     */
    public Iterator<List<PipelineRecord>> batches(@ExchangeProperty("runId") String runId,
            @ExchangeProperty("batchSize") int batchSize) {
        return new Iterator<>() {
            private String afterObject = "";
            private String afterLegacyId = "";
            private String afterField = "";
            private List<PipelineRecord> next = fetch();

            @Override
            public boolean hasNext() {
                return !next.isEmpty();
            }

            @Override
            public List<PipelineRecord> next() {
                if (next.isEmpty()) {
                    throw new NoSuchElementException();
                }
                List<PipelineRecord> batch = next;
                next = fetch();
                return batch;
            }

            private List<PipelineRecord> fetch() {
                while (true) {
                    List<DeferredReferences.Reference> page = references.pending(runId, afterObject, afterLegacyId, afterField, batchSize);
                    if (page.isEmpty()) {
                        return List.of();
                    }
                    // one object per batch, and every field of a record in the same update
                    String object = page.get(0).object();
                    Map<String, PipelineRecord> updates = new LinkedHashMap<>();
                    for (DeferredReferences.Reference reference : page) {
                        if (!reference.object().equals(object)) {
                            break;
                        }
                        afterObject = reference.object();
                        afterLegacyId = reference.legacyId();
                        afterField = reference.field();
                        PipelineRecord update = updates.computeIfAbsent(reference.legacyId(), legacyId -> new PipelineRecord(runId,
                                object, legacyId, reference.recordNumber(), object + " " + legacyId, new LinkedHashMap<>(
                                        Map.of(mappings.forObject(object).externalIdField(), legacyId)), null));
                        if (reference.parentTargetId() == null) {
                            references.close(runId, object, reference.legacyId(), reference.recordNumber(),
                                    List.of(reference.field()), false, "field " + reference.field() + " not set: no "
                                            + reference.parentObject() + " '" + reference.parentLegacyId() + "' is in the target");
                        } else {
                            update.getFields().put(reference.field(), reference.parentTargetId());
                        }
                    }
                    String externalId = mappings.forObject(object).externalIdField();
                    List<PipelineRecord> batch = new ArrayList<>(updates.values().stream()
                            .filter(update -> update.getFields().size() > 1 || !update.getFields().containsKey(externalId))
                            .toList());
                    if (!batch.isEmpty()) {
                        return batch;
                    }
                }
            }
        };
    }

    /** What the target answered: the references are set, or reported on the record's outcome and tried again by the next run. */
    public void record(@Body List<PipelineRecord> batch) {
        for (PipelineRecord update : batch) {
            boolean set = update.getOutcome() == Outcome.LOADED || update.getOutcome() == Outcome.UPDATED;
            List<String> fields = update.getFields().keySet().stream()
                    .filter(field -> !field.equals(mappings.forObject(update.getObject()).externalIdField())).toList();
            references.close(update.getRunId(), update.getObject(), update.getLegacyId(), update.getRecordNumber(), fields,
                    set, set ? null : "references " + fields + " not set: " + update.getMessage());
        }
    }
}
