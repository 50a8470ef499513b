package io.cutover.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.mapping.MappingCatalog;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.Ledger;
import io.cutover.state.SyncQueue;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * A sync cycle writes to the target only the fields the legacy CRM changed since both sides last agreed (the values
 * Cutover last wrote, the ledger's {@code in_step_values}), not the whole record: a field someone changed in the
 * target meanwhile, which the reverse sync has not carried back yet, is not overwritten by the legacy CRM's older value.
 * One ledger query per batch. Migrations write whole records, and so does a REST target, whose upsert may replace the
 * record it finds.
 */
@Singleton
@Named("agreedFields")
public class AgreedFields {

    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {};

    private final Ledger ledger;
    private final MappingCatalog mappings;
    private final ObjectMapper json;

    AgreedFields(Ledger ledger, MappingCatalog mappings, ObjectMapper json) {
        this.ledger = ledger;
        this.mappings = mappings;
        this.json = json;
    }

    public void leaveOut(@Body List<PipelineRecord> batch, @ExchangeProperty("runKind") String runKind,
            @ExchangeProperty("object") String object) throws JsonProcessingException {
        if (!SyncQueue.SYNC_RUN.equals(runKind) || batch.isEmpty()) {
            return;
        }
        List<String> legacyIds = batch.stream().filter(record -> !record.isDeletion() && !record.getLegacyId().isEmpty())
                .map(PipelineRecord::getLegacyId).distinct().toList();
        Map<String, Ledger.Sent> agreed = ledger.sent(object, legacyIds);
        String externalId = mappings.forObject(object).externalIdField();
        for (PipelineRecord record : batch) {
            Ledger.Sent last = agreed.get(record.getLegacyId());
            if (last == null || record.isDeletion()) {
                continue;
            }
            Map<String, Object> values = json.readValue(last.values(), VALUES);
            Set<String> unchanged = new HashSet<>();
            record.getFields().forEach((field, value) -> {
                if (!field.equals(externalId) && values.containsKey(field) && same(value, values.get(field))) {
                    unchanged.add(field);
                }
            });
            record.leaveAsAgreed(unchanged);
        }
    }

    /** As the ledger stores them (JSON): a number read back may be another type than the one mapped. */
    private static boolean same(Object mapped, Object stored) {
        return mapped == null || stored == null ? mapped == stored : Objects.equals(mapped.toString(), stored.toString());
    }
}
