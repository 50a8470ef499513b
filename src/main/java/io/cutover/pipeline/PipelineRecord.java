package io.cutover.pipeline;

import java.util.Map;

/**
 * One source record on its way through the pipeline: where it came from, the target field values the mapping
 * produced, and, once decided, its outcome. Every outcome and error message can say where the record came from.
 */
public final class PipelineRecord {
    private final String runId;
    private final String object;
    private final String legacyId;
    private final long recordNumber;
    private final String sourceRef;
    private final Map<String, Object> fields;
    private final String contentHash;
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

    /** Still waiting to be sent to the target. */
    public boolean isLoadable() {
        return outcome == null;
    }

    public void loaded(String targetId, boolean created) {
        this.targetId = targetId;
        this.outcome = created ? Outcome.LOADED : Outcome.UPDATED;
    }

    public void unchanged() {
        this.outcome = Outcome.UNCHANGED;
    }

    public void reject(String reasonCode, String message) {
        this.outcome = Outcome.REJECTED;
        this.reasonCode = reasonCode;
        this.message = message;
    }

    public String getRunId() { return runId; }
    public String getObject() { return object; }
    public String getLegacyId() { return legacyId; }
    public long getRecordNumber() { return recordNumber; }
    public String getSourceRef() { return sourceRef; }
    public Map<String, Object> getFields() { return fields; }
    public String getContentHash() { return contentHash; }
    public Outcome getOutcome() { return outcome; }
    public String getReasonCode() { return reasonCode; }
    public String getMessage() { return message; }
    public String getTargetId() { return targetId; }

    @Override
    public String toString() {
        return object + " " + legacyId + " (" + sourceRef + ")";
    }
}
