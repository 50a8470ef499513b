package io.cutover.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Which records a run created, when the target's answer to the attempt that created them was lost (the run was killed
 * while the batch or the bulk job was in flight). The resumed attempt's upsert finds them by external id and answers
 * "updated"; without this they would be counted updated, and a rollback could not undo them (no before-image).
 *
 * <p>Before a batch is sent, its records are marked as sent by the run: one row per batch (V24), its legacy ids as a
 * JSON array. A record in two marks of the run was sent again. An "updated" answer for a record sent again that the
 * ledger knows no target id for is the run's own creation: it becomes {@code loaded}. A record that someone else
 * created in the target before the run and whose first answer reached the ledger stays updated (its answer gave the
 * ledger its target id). Such a record whose first answer was lost too cannot be told apart from the run's own without
 * asking the target before the first send: it would be counted loaded. One insert per batch on the hot path; the marks
 * are read only for "updated" answers the ledger has no target id for, which a first run without a crash never gets.
 */
@ApplicationScoped
public class SentWithoutTarget {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> IDS = new TypeReference<>() { };

    private final DataSource dataSource;

    SentWithoutTarget(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Marks the records of a batch about to be sent. Those the ledger holds a target id for are marked too: the ledger
     * is asked when an answer comes, not here.
     */
    public void mark(String runId, String object, List<String> legacyIds) {
        if (legacyIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into sent_batch (run_id, object_name, batch_id, legacy_ids) values (?, ?, ?, ?)")) {
                for (List<String> slice : KeyLists.slices(legacyIds)) {
                    insert.setString(1, runId);
                    insert.setString(2, object);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setString(4, JSON.writeValueAsString(slice));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StateStoreException("Cannot mark " + legacyIds.size() + " " + object + " records as sent", e);
        }
    }

    /**
     * Turns the "updated" answers of records the run created in an attempt whose answer was lost into "loaded", in the
     * connection that records the answers.
     */
    void reclassify(Connection connection, List<PipelineRecord> records) throws SQLException {
        List<PipelineRecord> updated = records.stream()
                .filter(record -> record.getOutcome() == Outcome.UPDATED && !record.getLegacyId().isEmpty()).toList();
        if (updated.isEmpty()) {
            return;
        }
        PipelineRecord first = updated.get(0);
        List<String> legacyIds = updated.stream().map(PipelineRecord::getLegacyId).distinct().toList();
        Map<String, Ledger.Entry> entries = Ledger.entries(connection, first.getObject(), legacyIds);
        Set<String> withoutTargetId = legacyIds.stream()
                .filter(legacyId -> entries.get(legacyId) == null || entries.get(legacyId).targetId() == null)
                .collect(Collectors.toSet());
        if (withoutTargetId.isEmpty()) {
            return;
        }
        Map<String, Integer> sends = sends(connection, first.getRunId(), first.getObject(), withoutTargetId);
        updated.stream().filter(record -> sends.getOrDefault(record.getLegacyId(), 0) > 1)
                .forEach(record -> record.loaded(record.getTargetId(), true));
    }

    /** How many batches of the run marked each of these legacy ids: the run's marks of the object, read once. */
    private static Map<String, Integer> sends(Connection connection, String runId, String object, Set<String> legacyIds)
            throws SQLException {
        Map<String, Integer> sends = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select legacy_ids from sent_batch where run_id = ? and object_name = ?")) {
            select.setString(1, runId);
            select.setString(2, object);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    for (String legacyId : JSON.readValue(row.getString(1), IDS)) {
                        if (legacyIds.contains(legacyId)) {
                            sends.merge(legacyId, 1, Integer::sum);
                        }
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new StateStoreException("A sent batch's legacy ids are not the JSON array written", e);
        }
        return sends;
    }
}
