package io.cutover.mapping;

import io.cutover.mapping.transform.Rejection;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.source.SourceRecord;
import io.cutover.state.Ledger;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/** The mapping stage: one source row becomes the target field values of one record, or a reject with its reason. */
@Singleton
@Named("recordMapper")
public class RecordMapper {

    private final MappingCatalog mappings;
    private final Ledger ledger;

    RecordMapper(MappingCatalog mappings, Ledger ledger) {
        this.mappings = mappings;
        this.ledger = ledger;
    }

    public PipelineRecord map(@Body SourceRecord source, @ExchangeProperty("runId") String runId) {
        if (!source.readable()) {
            return PipelineRecord.rejected(runId, source.object(), "", source.recordNumber(), source.sourceRef(),
                    source.rejectCode(), source.rejectMessage()).withSourceValues(source.values());
        }
        return mapReadable(source, runId).withSourceValues(source.values());
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
        String parentKey = "";
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
                String parentLegacyId = blankToNull(row.get(parent.column()));
                Optional<String> parentId = parentLegacyId == null ? Optional.empty()
                        : ledger.targetId(parent.object(), parentLegacyId);
                if (parentLegacyId != null && parentId.isEmpty()) {
                    return PipelineRecord.rejected(runId, object, legacyId, recordNumber, sourceRef, "PARENT_NOT_LOADED",
                            rejectMessage(source, field, parentLegacyId, parent.object() + " '" + parentLegacyId
                                    + "' (column " + parent.column() + ") has not been loaded into the target"));
                }
                if (parentKey.isEmpty() && parentLegacyId != null) {
                    parentKey = parent.object() + "/" + parentLegacyId;
                }
                fields.put(field, parentId.orElse(null));
            }
        }
        Preflight.Violation violation = mappings.preflight(object).check(fields);
        if (violation != null) {
            return PipelineRecord.rejected(runId, object, legacyId, recordNumber, sourceRef, violation.reasonCode(),
                    rejectMessage(source, violation.field(), violation.value(), violation.problem()));
        }
        PipelineRecord mapped = new PipelineRecord(runId, object, legacyId, recordNumber, sourceRef, fields,
                contentHash(fields)).withParentKey(parentKey);
        warnings.forEach(mapped::warn);
        return mapped;
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

    /** A hash of the target values: a record whose mapped values did not change since its last load is not sent again. */
    static String contentHash(Map<String, Object> fields) {
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
