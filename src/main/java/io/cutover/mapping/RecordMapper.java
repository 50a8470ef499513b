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
import java.util.HexFormat;
import java.util.LinkedHashMap;
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

    /** Stands in, in a dry run, for the target id of a parent that would be loaded by the same run. */
    static final String DRY_RUN_PARENT_ID = "0DRYRUN00000000000";

    public PipelineRecord map(@Body SourceRecord source, @ExchangeProperty("runId") String runId,
            @ExchangeProperty("dryRun") Boolean dryRun) {
        if (!source.readable()) {
            return PipelineRecord.rejected(runId, source.object(), "", source.recordNumber(), source.sourceRef(),
                    source.rejectCode(), source.rejectMessage()).withSourceValues(source.values());
        }
        return mapReadable(source, runId, Boolean.TRUE.equals(dryRun)).withSourceValues(source.values());
    }

    private PipelineRecord mapReadable(SourceRecord source, String runId, boolean dryRun) {
        String object = source.object();
        ObjectMapping mapping = mappings.forObject(object);
        long recordNumber = source.recordNumber();
        String sourceRef = source.sourceRef();
        String legacyId = source.legacyId();
        Map<String, String> row = source.values();
        if (legacyId == null) {
            return PipelineRecord.rejected(runId, object, "", recordNumber, sourceRef, "MISSING_LEGACY_ID",
                    sourceRef + ": the legacy id column is empty");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(mapping.externalIdField(), legacyId);
        String parentKey = "";
        for (Map.Entry<String, FieldRule> entry : mapping.fields().entrySet()) {
            FieldRule rule = entry.getValue();
            if (rule instanceof FieldRule.Column column) {
                String value = sourceValue(column, row);
                try {
                    fields.put(entry.getKey(), blankToNull(column.transforms().apply(value, row)));
                } catch (Rejection rejection) {
                    return PipelineRecord.rejected(runId, object, legacyId, recordNumber, sourceRef, rejection.reasonCode(),
                            rejectMessage(source, entry.getKey(), value, rejection.getMessage()));
                }
            } else if (rule instanceof FieldRule.Constant constant) {
                fields.put(entry.getKey(), constant.value());
            } else if (rule instanceof FieldRule.Parent parent) {
                String parentLegacyId = blankToNull(row.get(parent.column()));
                Optional<String> parentId = parentLegacyId == null ? Optional.empty()
                        : ledger.targetId(parent.object(), parentLegacyId);
                if (dryRun && parentId.isEmpty() && parentLegacyId != null && ledger.inRun(runId, parent.object(), parentLegacyId)) {
                    parentId = Optional.of(DRY_RUN_PARENT_ID);
                }
                if (parentLegacyId != null && parentId.isEmpty()) {
                    return PipelineRecord.rejected(runId, object, legacyId, recordNumber, sourceRef, "PARENT_NOT_LOADED",
                            rejectMessage(source, entry.getKey(), parentLegacyId, "no " + parent.object()
                                    + " with this legacy id (column " + parent.column() + ") is in the target"));
                }
                if (parentKey.isEmpty() && parentLegacyId != null) {
                    parentKey = parent.object() + "/" + parentLegacyId;
                }
                fields.put(entry.getKey(), parentId.orElse(null));
            }
        }
        Preflight.Violation violation = mappings.preflight(object).check(fields);
        if (violation != null) {
            return PipelineRecord.rejected(runId, object, legacyId, recordNumber, sourceRef, violation.reasonCode(),
                    rejectMessage(source, violation.field(), violation.value(), violation.problem()));
        }
        return new PipelineRecord(runId, object, legacyId, recordNumber, sourceRef, fields, contentHash(fields))
                .withParentKey(parentKey);
    }

    /** The column's value, or the non-empty values of several columns joined by the rule's separator. */
    static String sourceValue(FieldRule.Column rule, Map<String, String> row) {
        if (rule.columns().size() == 1) {
            return blankToNull(row.get(rule.columns().get(0)));
        }
        StringBuilder joined = new StringBuilder();
        for (String column : rule.columns()) {
            String value = blankToNull(row.get(column));
            if (value != null) {
                if (joined.length() > 0) {
                    joined.append(rule.separator());
                }
                joined.append(value);
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    /** Names everything needed to find and fix the value: where the record is, which field, which value, why. */
    static String rejectMessage(SourceRecord source, String field, Object value, String problem) {
        return source.sourceRef() + ": " + source.object() + " " + source.legacyId() + ": field " + field + ", value "
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
