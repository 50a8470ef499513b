package io.cutover.mapping;

import io.cutover.mapping.transform.Rejection;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.source.SourceCatalog;
import io.cutover.source.SourceRecord;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.TargetSchema;
import io.cutover.source.ReadConfig;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The mapping stage: one source row becomes the target field values of one record, or a reject with its reason. Values
 * into values only: a parent is named by its legacy id ({@link PipelineRecord#getParentReferences()}), and the enricher
 * finds its target id for the whole batch.
 */
@Singleton
@Named("recordMapper")
public class RecordMapper {

    private final MappingCatalog mappings;
    private final TargetSchema target;
    private static final int SLICES_PER_THREAD = 4;

    private final SourceCatalog sources;
    private final ExecutorService mappingThreads;
    private final int parallelism;

    RecordMapper(MappingCatalog mappings, TargetSchema target, SourceCatalog sources,
            @Named("mappingThreads") ExecutorService mappingThreads, ReadConfig read) {
        this.target = target;
        this.sources = sources;
        this.mappings = mappings;
        this.mappingThreads = mappingThreads;
        this.parallelism = read.mappingParallelism();
    }

    /**
     * A chunk of the export as records: each source record mapped, a record the steps before decided already (skipped,
     * a deletion) as it is. The chunk is cut into slices mapped side by side on the mapping threads; every record stays
     * at its place, so the chunk keeps the export's order (a parent before the children that refer to it). A few slices
     * per thread, so that a thread slowed down (a record with many phone numbers, a core busy elsewhere) holds up less.
     */
    public List<PipelineRecord> mapChunk(@Body List<?> chunk, @ExchangeProperty("runId") String runId) {
        PipelineRecord[] records = new PipelineRecord[chunk.size()];
        int slices = parallelism == 1 ? 1 : Math.min(parallelism * SLICES_PER_THREAD, chunk.size());
        if (slices <= 1) {
            mapSlice(chunk, runId, records, 0, chunk.size());
            return new ArrayList<>(Arrays.asList(records));
        }
        List<Future<?>> mapped = new ArrayList<>(slices);
        for (int slice = 0; slice < slices; slice++) {
            int from = (int) ((long) chunk.size() * slice / slices);
            int to = (int) ((long) chunk.size() * (slice + 1) / slices);
            Callable<Void> mapping = () -> {
                mapSlice(chunk, runId, records, from, to);
                return null;
            };
            mapped.add(mappingThreads.submit(mapping));
        }
        for (Future<?> slice : mapped) {
            awaitSlice(slice, mapped);
        }
        return new ArrayList<>(Arrays.asList(records));
    }

    private void mapSlice(List<?> chunk, String runId, PipelineRecord[] records, int from, int to) {
        for (int index = from; index < to; index++) {
            Object item = chunk.get(index);
            records[index] = item instanceof SourceRecord source ? map(source, runId) : (PipelineRecord) item;
        }
    }

    /** A slice's mapping done; a failure is the chunk's, as it is the record's when mapped on the reading thread. */
    private static void awaitSlice(Future<?> slice, List<Future<?>> all) {
        try {
            slice.get();
        } catch (InterruptedException interrupted) {
            all.forEach(other -> other.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the chunk was mapped", interrupted);
        } catch (ExecutionException failed) {
            all.forEach(other -> other.cancel(true));
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    public PipelineRecord map(@Body SourceRecord source, @ExchangeProperty("runId") String runId) {
        if (!source.readable()) {
            String legacyId = source.legacyId() == null ? "" : source.legacyId();
            return PipelineRecord.rejected(runId, source.object(), legacyId, source.recordNumber(), source.sourceRef(),
                    source.rejectCode(), source.rejectMessage()).withSourceValues(source.valuesKept())
                    .withLegacyKey(legacyKey(source.object(), source.legacyId()));
        }
        PipelineRecord record = mapReadable(source, runId).withSourceValues(source.valuesKept())
                .withChangedAt(sources.changeMarker(source).orElse(null))
                .withLegacyKey(legacyKey(source.object(), source.legacyId()));
        source.warnings().forEach(record::warn);
        return record;
    }

    private PipelineRecord mapReadable(SourceRecord source, String runId) {
        String object = source.object();
        ObjectMapping mapping = mappings.forObject(object);
        long recordNumber = source.recordNumber();
        String sourceRef = source.sourceRef();
        String legacyId = source.legacyId();
        Map<String, String> row = source.values();
        if (legacyId == null) {
            return PipelineRecord.rejected(runId, object, "", recordNumber, sourceRef, "MISSING_LEGACY_ID",
                    rejectMessage(source, mapping.externalIdField(), null, "the legacy id column is empty"));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(mapping.externalIdField(), legacyId);
        List<String> warnings = new ArrayList<>();
        List<PipelineRecord.ParentReference> parents = new ArrayList<>();
        Map<String, String> references = new LinkedHashMap<>();
        for (Map.Entry<String, FieldRule> entry : mapping.fields().entrySet()) {
            String field = entry.getKey();
            FieldRule rule = entry.getValue();
            FieldRule.Computed computed = rule instanceof FieldRule.Find find ? find.key()
                    : rule instanceof FieldRule.Computed value ? value : null;
            if (computed != null) {
                String input = null;
                try {
                    input = computed.input(row);
                    // a find's value is the key the enricher looks up in the target
                    fields.put(field, blankToNull(computed.transforms().apply(input, row,
                            warning -> warnings.add(warning.code() + ": field " + field + ": " + warning.detail()))));
                } catch (Rejection rejection) {
                    return PipelineRecord.rejected(runId, object, legacyId, recordNumber, sourceRef, rejection.reasonCode(),
                            rejectMessage(source, field, input != null ? input : valuesRead(computed, row),
                                    rejection.getMessage()));
                }
            } else if (rule instanceof FieldRule.Constant constant) {
                fields.put(field, constant.value());
            } else if (rule instanceof FieldRule.Parent parent) {
                // the parent's target id is the enricher's to find, for the whole batch at once
                String parentValue = blankToNull(row.get(parent.column()));
                fields.put(field, null);
                if (parentValue == null) {
                    continue;
                }
                if (!parent.polymorphic()) {
                    String parentObject = parent.objects().get(0);
                    String parentLegacyId = sources.parentLegacyId(source, parentObject, parentValue);
                    references.put(field, parentObject + "/" + parentLegacyId);
                    parents.add(new PipelineRecord.ParentReference(field, parentObject, parentLegacyId, parent.column()));
                } else if (parent.typeColumn() == null) {
                    // namespaced as the first candidate of the record's source would be: its own system's records
                    String parentLegacyId = parent.objects().stream()
                            .map(candidate -> sources.parentLegacyId(source, candidate, parentValue))
                            .filter(id -> !id.equals(parentValue)).findFirst().orElse(parentValue);
                    references.put(field, String.join("|", parent.objects()) + "/" + parentLegacyId);
                    parents.add(new PipelineRecord.ParentReference(field, null, parentLegacyId, parent.column(),
                            parent.objects()));
                } else {
                    String type = blankToNull(row.get(parent.typeColumn()));
                    Optional<String> parentObject = type == null ? Optional.empty() : parent.objectOfType(type);
                    if (parentObject.isEmpty()) {
                        return PipelineRecord.rejected(runId, object, legacyId, recordNumber, sourceRef,
                                "UNKNOWN_PARENT_TYPE", rejectMessage(source, field, type, "column " + parent.typeColumn()
                                        + " names none of " + parent.objects()
                                        + (parent.types().isEmpty() ? "" : " nor a key of " + parent.types().keySet())));
                    }
                    String parentLegacyId = sources.parentLegacyId(source, parentObject.get(), parentValue);
                    references.put(field, parentObject.get() + "/" + parentLegacyId);
                    parents.add(new PipelineRecord.ParentReference(field, parentObject.get(), parentLegacyId,
                            parent.column()));
                }
            }
        }
        Preflight.Violation violation = mappings.preflight(object).check(fields);
        if (violation != null) {
            return PipelineRecord.rejected(runId, object, legacyId, recordNumber, sourceRef, violation.reasonCode(),
                    rejectMessage(source, violation.field(), violation.value(), violation.problem()));
        }
        PipelineRecord record = new PipelineRecord(runId, object, legacyId, recordNumber, sourceRef, fields,
                        contentHash(hashedValues(fields, references)));
        parents.forEach(record::refer);
        warnings.forEach(record::warn);
        return record;
    }

    /**
     * The legacy id as the target's external id field compares values: without regard to case unless its describe
     * says it is case sensitive (Salesforce's default for a text external id), exactly for a target without a describe.
     */
    private String legacyKey(String object, String legacyId) {
        if (legacyId == null) {
            return null;
        }
        ObjectMapping mapping = mappings.forObject(object);
        boolean caseSensitive = target.find(mapping.object())
                .map(describe -> describe.fields().get(mapping.externalIdField()))
                .map(FieldDescribe::caseSensitive).orElse(true);
        return caseSensitive ? legacyId : legacyId.toLowerCase(Locale.ROOT);
    }

    /** What an expression that failed read: the one column's value, or each column with its value. */
    private static String valuesRead(FieldRule.Computed rule, Map<String, String> row) {
        List<String> columns = rule.sourceColumns();
        if (columns.size() == 1) {
            return blankToNull(row.get(columns.get(0)));
        }
        List<String> values = new ArrayList<>();
        columns.forEach(column -> values.add(column + "=" + (row.get(column) == null ? "" : row.get(column))));
        return values.isEmpty() ? null : String.join(", ", values);
    }

    /** Names everything needed to find and fix the value: where the record is, which field, which value, why. */
    static String rejectMessage(SourceRecord source, String field, Object value, String problem) {
        return rejectMessage(source.sourceRef(), source.object(), source.legacyId(), field, value, problem);
    }

    /** The same for a record further down the pipeline, e.g. one the enricher rejects. */
    public static String rejectMessage(String sourceRef, String object, String legacyId, String field, Object value,
            String problem) {
        return sourceRef + ": " + object + " " + (legacyId == null ? "(no legacy id)" : legacyId) + ": field " + field + ", value "
                + (value == null ? "(empty)" : "'" + value + "'") + ": " + problem;
    }

    /**
     * The values the content hash is made of: a parent reference counts as the parent's legacy id, so that a record
     * whose reference was set in a later pass hashes the same as one loaded with it.
     */
    private static Map<String, Object> hashedValues(Map<String, Object> fields, Map<String, String> references) {
        if (references.isEmpty()) {
            return fields;
        }
        Map<String, Object> values = new LinkedHashMap<>(fields);
        values.putAll(references);
        return values;
    }

    /** A hash of the target values: a record whose mapped values did not change since its last load is not sent again. */
    public static String contentHash(Map<String, Object> fields) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(fields).forEach((field, value) -> canonical.append(field).append('\u001f')
                .append(value == null ? "\u0000" : value).append('\u001e'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
