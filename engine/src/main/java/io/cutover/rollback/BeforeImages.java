package io.cutover.rollback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutover.enrich.TargetQueries;
import io.cutover.mapping.MappingCatalog;
import io.cutover.mapping.ObjectMapping;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.RollbackStore;
import io.cutover.state.SentWithoutTarget;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/**
 * Before-images: before a batch is sent, the records the ledger says the target already holds are read back from the
 * target (one SOQL query per {@value #RECORDS_PER_QUERY} records), and the values of the fields the mapping writes
 * are kept with the ledger entry, so that a rollback can put both back. A record's image is kept once per run,
 * at its first attempt: a retry or a resumed run must not keep values the run itself already wrote.
 */
@Singleton
@Named("beforeImages")
public class BeforeImages {

    /** Ids per SOQL query: the query travels in the URL, which Salesforce takes up to 16,384 characters long. */
    static final int RECORDS_PER_QUERY = 200;

    private final RollbackStore store;
    private final MappingCatalog mappings;
    private final TargetQueries target;
    private final ObjectMapper json;
    private final SentWithoutTarget sentWithoutTarget;

    BeforeImages(RollbackStore store, MappingCatalog mappings, TargetQueries target, ObjectMapper json,
            SentWithoutTarget sentWithoutTarget) {
        this.store = store;
        this.mappings = mappings;
        this.target = target;
        this.json = json;
        this.sentWithoutTarget = sentWithoutTarget;
    }

    /**
     * Keeps the before-images of the batch's records that are about to update a target record. A failure (the query,
     * the state store) fails the step, so that no record is updated without its before-image.
     */
    public void capture(@Variable("batch") List<PipelineRecord> batch, @ExchangeProperty("runId") String runId,
            @ExchangeProperty("object") String object) {
        List<PipelineRecord> toSend = batch.stream()
                .filter(record -> record.isLoadable() && !record.getLegacyId().isEmpty()).toList();
        for (int from = 0; from < toSend.size(); from += RECORDS_PER_QUERY) {
            captureChunk(toSend.subList(from, Math.min(toSend.size(), from + RECORDS_PER_QUERY)), runId, object);
        }
    }

    private void captureChunk(List<PipelineRecord> records, String runId, String object) {
        Set<String> legacyIds = records.stream().map(PipelineRecord::getLegacyId).collect(Collectors.toCollection(LinkedHashSet::new));
        // the records that will be created: should the answer be lost, the resumed run still knows it created them
        sentWithoutTarget.mark(runId, object, List.copyOf(legacyIds));
        Collection<LedgerEntry> updates = store.entriesWithoutBeforeImage(runId, object, legacyIds);
        if (updates.isEmpty()) {
            return;
        }
        ObjectMapping mapping = mappings.forObject(object);
        // every field the mapping writes, not only this batch's: a later pass of the run (references to parents loaded
        // after the record) writes more of them, and finds the record's before-image already kept
        Set<String> fields = new LinkedHashSet<>(mapping.fields().keySet());
        fields.remove(mapping.externalIdField());
        fields.removeIf(field -> field.equalsIgnoreCase("Id"));
        keep(runId, object, mapping, fields, updates);
    }

    /**
     * Keeps the before-images of target records that records to load duplicate (dedup's {@code lookupInTarget}), before
     * the run writes their external ids and fills their empty fields: the ledger held nothing for those legacy ids, so
     * the rollback writes the values back, the external id's among them, and the legacy ids leave the ledger.
     */
    public void captureMatched(String runId, String object, Map<String, String> targetIdByLegacyId) {
        ObjectMapping mapping = mappings.forObject(object);
        Set<String> fields = new LinkedHashSet<>(mapping.fields().keySet());
        fields.add(mapping.externalIdField());
        fields.removeIf(field -> field.equalsIgnoreCase("Id"));
        List<LedgerEntry> matched = targetIdByLegacyId.entrySet().stream()
                .map(match -> new LedgerEntry(match.getKey(), match.getValue(), null, null, null)).toList();
        for (int from = 0; from < matched.size(); from += RECORDS_PER_QUERY) {
            keep(runId, object, mapping, fields, matched.subList(from, Math.min(matched.size(), from + RECORDS_PER_QUERY)));
        }
    }

    private void keep(String runId, String object, ObjectMapping mapping, Set<String> fields, Collection<LedgerEntry> entries) {
        Map<String, ObjectNode> current = targetValues(runId, object, mapping.object(), fields,
                entries.stream().map(LedgerEntry::targetId).toList());
        // not in the target any more (deleted there): no values; the upsert creates it, the rollback deletes it
        Map<String, String> values = new HashMap<>();
        current.forEach((targetId, fieldValues) -> values.put(targetId, fieldValues.toString()));
        store.keepBeforeImages(runId, object, entries, values);
    }

    /** The target's current values of the fields, per target id: one SOQL query through camel-salesforce. */
    private Map<String, ObjectNode> targetValues(String runId, String object, String sObject, Set<String> fields,
            List<String> targetIds) {
        String soql = "SELECT " + String.join(", ", prepend("Id", fields)) + " FROM " + sObject + " WHERE Id IN ("
                + targetIds.stream().map(id -> "'" + id.replace("\\", "\\\\").replace("'", "\\'") + "'")
                        .collect(Collectors.joining(", ")) + ")";
        List<JsonNode> records;
        try {
            records = target.records(soql, runId, object);
        } catch (IOException e) {
            throw new IllegalStateException("The target answered the before-image query of " + object + " with no JSON", e);
        }
        Map<String, ObjectNode> byId = new HashMap<>();
        for (JsonNode record : records) {
            Map<String, JsonNode> byLowerCaseField = new HashMap<>();
            record.fields().forEachRemaining(field -> byLowerCaseField.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue()));
            ObjectNode values = json.createObjectNode();
            // kept under the mapping's field names: what the update sent, and what the rollback sends back
            fields.forEach(field -> values.set(field, byLowerCaseField.getOrDefault(field.toLowerCase(Locale.ROOT),
                    json.nullNode())));
            byId.put(record.path("Id").asText(), values);
        }
        return byId;
    }

    private static List<String> prepend(String first, Set<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
