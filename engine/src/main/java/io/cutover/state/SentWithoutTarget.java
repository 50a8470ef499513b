package io.cutover.state;

import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Which records a run created, when the target's answer to the attempt that created them was lost (the run was killed
 * while the batch or the bulk job was in flight). The resumed attempt's upsert finds them by external id and answers
 * "updated"; without this they would be counted updated, and a rollback could not undo them (no before-image).
 *
 * <p>Before a batch is sent, each record the ledger knows no target id for is marked as sent by the run, or as sent
 * again when an earlier attempt of the run marked it already. An "updated" answer for a record sent again that the
 * ledger still knows no target id for is the run's own creation: it becomes {@code loaded}. A record that someone else
 * created in the target before the run and whose first answer reached the ledger stays updated (its answer gave the
 * ledger its target id). Such a record whose first answer was lost too cannot be told apart from the run's own without
 * asking the target before the first send: it would be counted loaded. One statement per chunk, on the hot path.
 */
@ApplicationScoped
public class SentWithoutTarget {

    private final DataSource dataSource;

    SentWithoutTarget(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks the records of a chunk about to be sent that the ledger knows no target id for. */
    public void mark(String runId, String object, List<String> legacyIds) {
        if (legacyIds.isEmpty()) {
            return;
        }
        String merge = "merge into sent_without_target as s using (select k.wanted from "
                + KeyLists.values(legacyIds.size(), "k")
                + " left join ledger l on l.object_name = ? and l.legacy_id = k.wanted where l.target_id is null) as v"
                + " on s.run_id = ? and s.object_name = ? and s.legacy_id = v.wanted"
                + " when matched then update set resent = true"
                + " when not matched then insert (run_id, object_name, legacy_id, resent) values (?, ?, v.wanted, false)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(merge)) {
            KeyLists.bind(statement, 1, legacyIds);
            int p = legacyIds.size() + 1;
            statement.setString(p++, object);
            statement.setString(p++, runId);
            statement.setString(p++, object);
            statement.setString(p++, runId);
            statement.setString(p, object);
            statement.executeUpdate();
        } catch (SQLException e) {
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
        Set<String> created = new HashSet<>();
        for (List<String> slice : KeyLists.slices(legacyIds)) {
            try (PreparedStatement select = connection.prepareStatement("select s.legacy_id from "
                    + KeyLists.values(slice.size(), "k")
                    + " join sent_without_target s on s.run_id = ? and s.object_name = ? and s.legacy_id = k.wanted"
                    + " left join ledger l on l.object_name = s.object_name and l.legacy_id = s.legacy_id"
                    + " where s.resent and l.target_id is null")) {
                KeyLists.bind(select, 1, slice);
                select.setString(slice.size() + 1, first.getRunId());
                select.setString(slice.size() + 2, first.getObject());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        created.add(row.getString(1));
                    }
                }
            }
        }
        updated.stream().filter(record -> created.contains(record.getLegacyId()))
                .forEach(record -> record.loaded(record.getTargetId(), true));
    }
}
