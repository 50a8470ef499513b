package io.cutover.mapping;

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

    public PipelineRecord map(@Body SourceRecord source, @ExchangeProperty("runId") String runId) {
        if (!source.readable()) {
            return PipelineRecord.rejected(runId, source.object(), "", source.recordNumber(), source.sourceRef(),
                    source.rejectCode(), source.rejectMessage());
        }
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
        for (Map.Entry<String, FieldRule> entry : mapping.fields().entrySet()) {
            FieldRule rule = entry.getValue();
            if (rule instanceof FieldRule.Column column) {
                fields.put(entry.getKey(), blankToNull(row.get(column.column())));
            } else if (rule instanceof FieldRule.Constant constant) {
                fields.put(entry.getKey(), constant.value());
            } else if (rule instanceof FieldRule.Parent parent) {
                String parentLegacyId = blankToNull(row.get(parent.column()));
                Optional<String> parentId = parentLegacyId == null ? Optional.empty()
                        : ledger.targetId(parent.object(), parentLegacyId);
                if (parentLegacyId != null && parentId.isEmpty()) {
                    return PipelineRecord.rejected(runId, object, legacyId, recordNumber, sourceRef, "PARENT_NOT_LOADED",
                            sourceRef + ": field " + entry.getKey() + ": " + parent.object() + " '" + parentLegacyId
                                    + "' (column " + parent.column() + ") has not been loaded into the target");
                }
                fields.put(entry.getKey(), parentId.orElse(null));
            }
        }
        return new PipelineRecord(runId, object, legacyId, recordNumber, sourceRef, fields, contentHash(fields));
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
