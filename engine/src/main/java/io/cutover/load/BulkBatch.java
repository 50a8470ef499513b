package io.cutover.load;

import io.cutover.pipeline.PipelineRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The records of one batch sent in one Bulk API 2.0 job, found again by the value of their external id column in the
 * job's result rows. A record is answered once; those no result file answered are still waiting.
 */
final class BulkBatch {

    private final String object;
    private final String externalIdField;
    private final List<PipelineRecord> records;
    private String leftBehindBy;
    private final Map<String, Deque<PipelineRecord>> waiting = new LinkedHashMap<>();

    BulkBatch(String object, String externalIdField, List<PipelineRecord> records) {
        this.object = object;
        this.externalIdField = externalIdField;
        this.records = records;
        for (PipelineRecord record : records) {
            waiting.computeIfAbsent(externalId(record), key -> new ArrayDeque<>()).add(record);
        }
    }

    /** These records were uploaded in this job by a run that was killed before it collected the job's results. */
    BulkBatch leftBehindBy(String jobId) {
        this.leftBehindBy = jobId;
        return this;
    }

    String leftBehindBy() {
        return leftBehindBy;
    }

    String object() {
        return object;
    }

    String externalIdField() {
        return externalIdField;
    }

    List<PipelineRecord> records() {
        return records;
    }

    /** The external id column first, then every other field of the records, in the order they first appear. */
    List<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(externalIdField);
        records.forEach(record -> columns.addAll(record.fieldsToWrite().keySet()));
        return new ArrayList<>(columns);
    }

    /** The value the record is sent with in the external id column, which its result rows carry back. */
    String externalId(PipelineRecord record) {
        Object value = record.getFields().get(externalIdField);
        return value == null ? record.getLegacyId() : String.valueOf(value);
    }

    /** The record a result row with this external id answers, if one is still waiting for its answer. */
    Optional<PipelineRecord> answer(String externalId) {
        Deque<PipelineRecord> candidates = waiting.get(externalId);
        if (candidates == null || candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.poll());
    }

    /** The records no result row has answered yet. */
    List<PipelineRecord> unanswered() {
        return waiting.values().stream().flatMap(Deque::stream).toList();
    }
}
