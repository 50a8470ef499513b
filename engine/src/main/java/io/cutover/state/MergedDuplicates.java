package io.cutover.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.pipeline.PipelineRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Duplicates merged into a surviving record (cutover.matching.mode=merge): the survivor's staged values take what the
 * others filled in, and each other record of the cluster ends {@code merged}, its ledger entry naming the survivor, so
 * that its children are loaded under the survivor's target record. A run's merges are written in one transaction.
 */
@ApplicationScoped
public class MergedDuplicates {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A staged record's outcome row, merged: its message names the survivor. */
    private static final String MERGED_OUTCOME = "update outcome set outcome = 'merged', reason_code = 'MERGED', "
            + "message = ?, payload = null, recorded_at = ? "
            + "where run_id = ? and object_name = ? and record_no = ? and outcome = 'pending'";

    /** One cluster merged: the survivor, with the values it now loads, and the records merged into it. */
    public record Merge(PipelineRecord survivor, List<PipelineRecord> merged, String why) {}

    /** A record an earlier run merged: its survivor, and the hash of its own content then. */
    public record MergedEarlier(String survivor, String contentHash) {}

    private final DataSource dataSource;

    MergedDuplicates(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(List<Merge> merges) {
        if (merges.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement survivors = connection.prepareStatement("update outcome set payload = ?, "
                    + "content_hash = ? where run_id = ? and object_name = ? and record_no = ? and outcome = 'pending'");
                    PreparedStatement merged = connection.prepareStatement(MERGED_OUTCOME);
                    PreparedStatement entries = connection.prepareStatement("merge into ledger as l using (values "
                            + "(cast(? as varchar(80)), cast(? as varchar(255)), cast(? as varchar(255)), "
                            + "cast(? as varchar(40)), cast(? as timestamp), cast(? as varchar(64)))) as v(object_name, "
                            + "legacy_id, merged_into, run_id, updated_at, content_hash) on l.object_name = v.object_name and l.legacy_id = v.legacy_id "
                            + "when matched then update set outcome = 'merged', merged_into = v.merged_into, "
                            + "content_hash = v.content_hash, run_id = v.run_id, updated_at = v.updated_at "
                            + "when not matched then insert (object_name, legacy_id, content_hash, outcome, merged_into, "
                            + "run_id, updated_at) values (v.object_name, v.legacy_id, v.content_hash, 'merged', "
                            + "v.merged_into, v.run_id, v.updated_at)")) {
                for (Merge merge : merges) {
                    PipelineRecord survivor = merge.survivor();
                    survivors.setString(1, JSON.writeValueAsString(survivor.getFields()));
                    survivors.setString(2, survivor.getContentHash());
                    bindRow(survivors, 3, survivor);
                    survivors.addBatch();
                    for (PipelineRecord record : merge.merged()) {
                        merged.setString(1, record.getSourceRef() + ": " + record.getObject() + " " + record.getLegacyId()
                                + ": merged into " + survivor.getLegacyId() + " (" + survivor.getSourceRef() + "): " + merge.why());
                        merged.setTimestamp(2, now);
                        bindRow(merged, 3, record);
                        merged.addBatch();
                        entries.setString(1, record.getObject());
                        entries.setString(2, record.getLegacyId());
                        entries.setString(3, survivor.getLegacyId());
                        entries.setString(4, record.getRunId());
                        entries.setTimestamp(5, now);
                        entries.setString(6, record.getContentHash());
                        entries.addBatch();
                    }
                }
                survivors.executeBatch();
                merged.executeBatch();
                entries.executeBatch();
                connection.commit();
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StateStoreException("Cannot record " + merges.size() + " merged clusters", e);
        }
    }

    /** Records merged by an earlier run, unchanged since, and merged into the same survivors again. */
    public void mergeAgain(List<PipelineRecord> records, Map<String, MergedEarlier> earlier) {
        if (records.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement merged = connection.prepareStatement(MERGED_OUTCOME);
                    PreparedStatement entries = connection.prepareStatement("update ledger set run_id = ?, updated_at = ? "
                            + "where object_name = ? and legacy_id = ?")) {
                for (PipelineRecord record : records) {
                    merged.setString(1, record.getSourceRef() + ": " + record.getObject() + " " + record.getLegacyId()
                            + ": merged into " + earlier.get(record.getLegacyId()).survivor() + ", as by an earlier run;"
                            + " neither has changed since");
                    merged.setTimestamp(2, now);
                    bindRow(merged, 3, record);
                    merged.addBatch();
                    entries.setString(1, record.getRunId());
                    entries.setTimestamp(2, now);
                    entries.setString(3, record.getObject());
                    entries.setString(4, record.getLegacyId());
                    entries.addBatch();
                }
                merged.executeBatch();
                entries.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot merge " + records.size() + " records again", e);
        }
    }

    /**
     * The records among these that an earlier run merged into a survivor, with the survivor's legacy id: one query per
     * thousand ids.
     */
    public Map<String, MergedEarlier> mergedEarlier(String object, List<String> legacyIds) {
        Map<String, MergedEarlier> survivors = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<String> slice : KeyLists.slices(legacyIds)) {
                try (PreparedStatement select = connection.prepareStatement("select l.legacy_id, l.merged_into, "
                        + "l.content_hash from "
                        + KeyLists.values(slice.size(), "k") + " join ledger l on l.object_name = ? "
                        + "and l.legacy_id = k.wanted where l.merged_into is not null and l.target_id is null")) {
                    KeyLists.bind(select, 1, slice);
                    select.setString(slice.size() + 1, object);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            survivors.put(row.getString(1), new MergedEarlier(row.getString(2), row.getString(3)));
                        }
                    }
                }
            }
            return survivors;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read which of " + legacyIds.size() + " " + object + " records were merged", e);
        }
    }

    private static void bindRow(PreparedStatement statement, int from, PipelineRecord record) throws SQLException {
        statement.setString(from, record.getRunId());
        statement.setString(from + 1, record.getObject());
        statement.setLong(from + 2, record.getRecordNumber());
    }
}
