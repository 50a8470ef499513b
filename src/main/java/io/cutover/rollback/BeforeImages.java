package io.cutover.rollback;

import io.cutover.state.StateStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutover.enrich.TargetQueries;
import io.cutover.mapping.MappingCatalog;
import io.cutover.mapping.ObjectMapping;
import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.KeyLists;
import io.cutover.state.SentWithoutTarget;
import io.cutover.state.StateStoreException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
import javax.sql.DataSource;
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

    private static final String INSERT = """
            insert into before_image (run_id, object_name, legacy_id, target_id, content_hash, ledger_outcome, ledger_run_id,
                                      field_values, captured_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final DataSource dataSource;
    private final MappingCatalog mappings;
    private final TargetQueries target;
    private final ObjectMapper json;
    private final SentWithoutTarget sentWithoutTarget;

    BeforeImages(@StateStore DataSource dataSource, MappingCatalog mappings, TargetQueries target, ObjectMapper json,
            SentWithoutTarget sentWithoutTarget) {
        this.dataSource = dataSource;
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
        Collection<LedgerEntry> updates = entriesToKeep(runId, object, legacyIds);
        if (updates.isEmpty()) {
            return;
        }
        ObjectMapping mapping = mappings.forObject(object);
        // every field the mapping writes, not only this batch's: a later pass of the run (references to parents loaded
        // after the record) writes more of them, and finds the record's before-image already kept
        Set<String> fields = new LinkedHashSet<>(mapping.fields().keySet());
        fields.remove(mapping.externalIdField());
        fields.removeIf(field -> field.equalsIgnoreCase("Id"));
        Map<String, ObjectNode> current = targetValues(runId, object, mapping.object(), fields,
                updates.stream().map(LedgerEntry::targetId).toList());
        store(runId, object, updates, current);
    }

    /** The ledger entries of the records that will update a target record and have no before-image in this run yet. */
    private Collection<LedgerEntry> entriesToKeep(String runId, String object, Set<String> legacyIds) {
        // each legacy id looked up by the ledger's key, not an IN list H2 would answer by scanning the object's entries
        String select = "select l.legacy_id, l.target_id, l.content_hash, l.outcome, l.run_id from "
                + KeyLists.values(legacyIds.size(), "k") + " join ledger l on l.object_name = ? and l.legacy_id = k.wanted "
                + "where l.target_id is not null "
                // created by this very run (a legacy id twice in the export): the rollback deletes it
                + "and not (l.run_id = ? and l.outcome = '" + Outcome.LOADED.label() + "') "
                + "and not exists (select 1 from before_image b where b.run_id = ? and b.object_name = l.object_name "
                + "and b.legacy_id = l.legacy_id)";
        Map<String, LedgerEntry> entries = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(select)) {
            List<String> keys = List.copyOf(legacyIds);
            KeyLists.bind(statement, 1, keys);
            int p = keys.size() + 1;
            statement.setString(p++, object);
            statement.setString(p++, runId);
            statement.setString(p, runId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    entries.put(row.getString(1), new LedgerEntry(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5)));
                }
            }
            return entries.values();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the ledger entries of " + legacyIds.size() + " " + object + " records", e);
        }
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

    private void store(String runId, String object, Collection<LedgerEntry> entries, Map<String, ObjectNode> current) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (LedgerEntry entry : entries) {
                    ObjectNode values = current.get(entry.targetId());
                    insert.setString(1, runId);
                    insert.setString(2, object);
                    insert.setString(3, entry.legacyId());
                    insert.setString(4, entry.targetId());
                    insert.setString(5, entry.contentHash());
                    insert.setString(6, entry.outcome());
                    insert.setString(7, entry.runId());
                    // not in the target any more (deleted there): the upsert creates it, the rollback deletes it
                    insert.setString(8, values == null ? null : values.toString());
                    insert.setTimestamp(9, now);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot keep the before-images of " + entries.size() + " " + object + " records", e);
        }
    }

    private static List<String> prepend(String first, Set<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
