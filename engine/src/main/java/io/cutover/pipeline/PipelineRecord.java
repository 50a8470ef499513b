package io.cutover.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One source record on its way through the pipeline: where it came from, the target field values the mapping
 * produced, and, once decided, its outcome. Every outcome and error message can say where the record came from.
 *
 * <p>A load stage marks every record of the batch it was given: {@link #loaded}, {@link #reject} for a permanent
 * error, or {@link #retry} for an error that may pass on another attempt (a lock, a limit, a failed call). A record
 * left to retry stays pending in the ledger and is sent again, alone with the other failures, after a backoff.
 */
public final class PipelineRecord {
    private final String runId;
    private final String object;
    private final String legacyId;
    private final long recordNumber;
    private final String sourceRef;
    private final Map<String, Object> fields;
    private String contentHash;
    private Map<String, String> sourceValues = Map.of();
    private String parentKey = "";
    private int attempts;
    /** The source's modification marker of this version of the record (a REST source's incremental field), if any. */
    private String changedAt;
    /** Deleted in the legacy CRM: the load deletes it from the target instead of upserting it. */
    private boolean deletion;
    /** The legacy id as the target's external id field compares it; the legacy id itself unless the mapping says. */
    private String legacyKey;
    /** Fields the target holds already as both sides last agreed: left out of the write (a sync cycle's). */
    private Set<String> agreedFields = Set.of();
    private final List<String> warnings = new ArrayList<>();
    private final List<DeferredReference> deferredReferences = new ArrayList<>();
    private final List<ParentReference> parentReferences = new ArrayList<>();
    private Outcome outcome;
    private String reasonCode;
    private String message;
    private String targetId;

    public PipelineRecord(String runId, String object, String legacyId, long recordNumber, String sourceRef,
            Map<String, Object> fields, String contentHash) {
        this.runId = runId;
        this.object = object;
        this.legacyId = legacyId;
        this.recordNumber = recordNumber;
        this.sourceRef = sourceRef;
        this.fields = fields;
        this.contentHash = contentHash;
    }

    public static PipelineRecord rejected(String runId, String object, String legacyId, long recordNumber,
            String sourceRef, String reasonCode, String message) {
        PipelineRecord record = new PipelineRecord(runId, object, legacyId, recordNumber, sourceRef, Map.of(), null);
        record.reject(reasonCode, message);
        return record;
    }

    /**
     * A record the legacy CRM deleted, which the cutover sync deletes from the target: nothing to map, only the target
     * id to delete (which the ledger gives when the record is staged).
     */
    public static PipelineRecord toDelete(String runId, String object, String legacyId, long recordNumber,
            String sourceRef) {
        PipelineRecord record = new PipelineRecord(runId, object, legacyId, recordNumber, sourceRef, Map.of(), null);
        record.deletion = true;
        return record;
    }

    /** Still waiting to be sent to the target, or to be sent again. */
    public boolean isLoadable() {
        return outcome == null;
    }

    /** A retry was asked for by the last attempt: the record stays pending. */
    public boolean isRetrying() {
        return outcome == null && reasonCode != null;
    }

    public void loaded(String targetId, boolean created) {
        this.targetId = targetId;
        this.outcome = created ? Outcome.LOADED : Outcome.UPDATED;
        this.reasonCode = null;
        this.message = null;
    }

    /** Deleted from the target by the cutover sync. */
    public void deleted() {
        this.outcome = Outcome.DELETED;
        this.reasonCode = null;
        this.message = null;
    }

    public void unchanged() {
        this.outcome = Outcome.UNCHANGED;
    }

    public void reject(String reasonCode, String message) {
        this.outcome = Outcome.REJECTED;
        this.reasonCode = reasonCode;
        this.message = message;
    }

    /** Left out of this run on purpose by a rule (a sample, a segment, a cut-off date): not an error. */
    public void skip(String reasonCode, String message) {
        this.outcome = Outcome.SKIPPED;
        this.reasonCode = reasonCode;
        this.message = message;
    }

    /** The attempt failed in a way another attempt may not: the record stays pending, with why it failed this time. */
    public void retry(String reasonCode, String message) {
        this.outcome = null;
        this.reasonCode = reasonCode;
        this.message = message;
    }

    /** Something the pipeline changed without rejecting the record, to be reported with its outcome. */
    public void warn(String warning) {
        // a record loaded again (a retry, a resumed run) brings back the warnings it was staged with
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    /**
     * A reference to a parent that is not in the target yet but will be by the end of the run (the same object, or an
     * object loaded later): the field is left out of this load and set by the run's last pass.
     */
    public void defer(String field, String parentObject, String parentLegacyId) {
        deferredReferences.add(new DeferredReference(field, parentObject, parentLegacyId));
    }

    public record DeferredReference(String field, String parentObject, String parentLegacyId) {}

    /**
     * A parent the mapping names by its legacy id (from {@code column}): the enricher sets the field to the parent's
     * target id, looked up for the whole batch at once. A polymorphic reference without a type column names its
     * {@code candidates} and no parent object until the enricher finds which of them holds the legacy id.
     */
    public record ParentReference(String field, String parentObject, String parentLegacyId, String column,
            List<String> candidates) {

        public ParentReference(String field, String parentObject, String parentLegacyId, String column) {
            this(field, parentObject, parentLegacyId, column, List.of());
        }

        /** The reference to the candidate found to hold the legacy id. */
        public ParentReference to(String object) {
            return new ParentReference(field, object, parentLegacyId, column);
        }
    }

    public void refer(ParentReference parent) {
        parentReferences.add(parent);
    }

    /** A polymorphic reference, once the enricher has found which object holds its parent. */
    public void resolve(ParentReference reference, String object) {
        parentReferences.set(parentReferences.indexOf(reference), reference.to(object));
    }

    public List<ParentReference> getParentReferences() { return parentReferences; }

    /** The source columns as read, kept so that a rejected record can be given back to be fixed. */
    public PipelineRecord withSourceValues(Map<String, String> values) {
        this.sourceValues = values == null ? Map.of() : values;
        return this;
    }

    /** The legacy id of the record's first parent: batches are ordered by it, so that a parent is locked by one batch. */
    public PipelineRecord withParentKey(String key) {
        this.parentKey = key == null ? "" : key;
        return this;
    }

    public PipelineRecord withChangedAt(String marker) {
        this.changedAt = marker == null || marker.isBlank() ? null : marker;
        return this;
    }

    /** The legacy id as the target compares it: rows with the same key are the same record there. */
    public PipelineRecord withLegacyKey(String key) {
        this.legacyKey = key;
        return this;
    }

    /** The target record the ledger holds for it: the one a deletion deletes, or the one an update changes. */
    public PipelineRecord withTargetId(String id) {
        this.targetId = id;
        return this;
    }

    /** The attempts already made to load it, in this run. */
    public PipelineRecord withAttempts(int attempts) {
        this.attempts = attempts;
        return this;
    }

    public String getRunId() { return runId; }
    public String getObject() { return object; }
    public String getLegacyId() { return legacyId; }
    public long getRecordNumber() { return recordNumber; }
    public String getSourceRef() { return sourceRef; }
    public Map<String, Object> getFields() { return fields; }

    /** The fields the write to the target carries: all of them, but those {@link #leaveAsAgreed} named. */
    public Map<String, Object> fieldsToWrite() {
        if (agreedFields.isEmpty()) {
            return fields;
        }
        Map<String, Object> toWrite = new LinkedHashMap<>(fields);
        toWrite.keySet().removeAll(agreedFields);
        return toWrite;
    }

    /**
     * Leaves these fields out of the write: their values are those both sides last agreed on, so the target holds them
     * already, unless someone changed them there since, and then that change is the reverse sync's to carry back.
     */
    public void leaveAsAgreed(Set<String> unchanged) {
        agreedFields = Set.copyOf(unchanged);
    }
    public String getContentHash() { return contentHash; }

    /**
     * Values another record of the same entity filled in (a duplicate merged into this one), and the hash of the content
     * they make together, which the ledger compares next time.
     */
    public void fill(Map<String, Object> values, String mergedContentHash) {
        fields.putAll(values);
        contentHash = mergedContentHash;
    }
    public Map<String, String> getSourceValues() { return sourceValues; }
    public String getParentKey() { return parentKey; }
    public int getAttempts() { return attempts; }
    public List<String> getWarnings() { return warnings; }
    public List<DeferredReference> getDeferredReferences() { return deferredReferences; }
    public Outcome getOutcome() { return outcome; }
    public String getReasonCode() { return reasonCode; }
    public String getMessage() { return message; }
    public String getTargetId() { return targetId; }
    public String getChangedAt() { return changedAt; }
    public String getLegacyKey() { return legacyKey != null ? legacyKey : legacyId; }
    public boolean isDeletion() { return deletion; }

    @Override
    public String toString() {
        return object + " " + legacyId + " (" + sourceRef + ")";
    }
}
