package io.cutover.state;

import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The ledger: per object and legacy id, the target id and the hash of the content last loaded; and per run, one
 * outcome row for every source record read.
 */
@ApplicationScoped
@Named("ledger")
public class Ledger {

    public record Entry(String targetId, String contentHash) {}

    private static final String MERGE_LEDGER = """
            merge into ledger as l
            using (values (cast(? as varchar(80)), cast(? as varchar(255)), cast(? as varchar(255)), cast(? as varchar(64)),
                           cast(? as varchar(20)), cast(? as varchar(40)), cast(? as timestamp)))
                  as v(object_name, legacy_id, target_id, content_hash, outcome, run_id, updated_at)
            on l.object_name = v.object_name and l.legacy_id = v.legacy_id
            when matched then update set target_id = coalesce(v.target_id, l.target_id),
                 content_hash = coalesce(v.content_hash, l.content_hash), outcome = v.outcome, run_id = v.run_id,
                 updated_at = v.updated_at
            when not matched then insert (object_name, legacy_id, target_id, content_hash, outcome, run_id, updated_at)
                 values (v.object_name, v.legacy_id, v.target_id, v.content_hash, v.outcome, v.run_id, v.updated_at)
            """;

    private static final String INSERT_OUTCOME = """
            insert into outcome (run_id, object_name, record_no, legacy_id, source_ref, outcome, reason_code, message, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final DataSource dataSource;

    Ledger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Entry> find(String object, String legacyId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select target_id, content_hash from ledger where object_name = ? and legacy_id = ?")) {
            select.setString(1, object);
            select.setString(2, legacyId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Entry(row.getString(1), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the ledger entry of " + object + " " + legacyId, e);
        }
    }

    /** The id of the target record migrated from this legacy record, if it was loaded. */
    public Optional<String> targetId(String object, String legacyId) {
        return find(object, legacyId).map(Entry::targetId);
    }

    /**
     * Writes the outcomes of a batch and brings the ledger up to date, in one transaction. A rejected record keeps
     * the hash of what was last loaded, so that the next run sends it again.
     */
    public void record(List<PipelineRecord> records) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement outcomes = connection.prepareStatement(INSERT_OUTCOME);
                    PreparedStatement ledger = connection.prepareStatement(MERGE_LEDGER)) {
                for (PipelineRecord record : records) {
                    addOutcome(outcomes, record, now);
                    if (!record.getLegacyId().isEmpty()) {
                        addLedgerEntry(ledger, record, now);
                    }
                }
                outcomes.executeBatch();
                ledger.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot record the outcomes of " + records.size() + " records", e);
        }
    }

    private static void addOutcome(PreparedStatement insert, PipelineRecord record, Timestamp now) throws SQLException {
        insert.setString(1, record.getRunId());
        insert.setString(2, record.getObject());
        insert.setLong(3, record.getRecordNumber());
        insert.setString(4, record.getLegacyId());
        insert.setString(5, record.getSourceRef());
        insert.setString(6, record.getOutcome().label());
        insert.setString(7, record.getReasonCode());
        insert.setString(8, truncate(record.getMessage(), 4000));
        insert.setTimestamp(9, now);
        insert.addBatch();
    }

    private static void addLedgerEntry(PreparedStatement merge, PipelineRecord record, Timestamp now) throws SQLException {
        boolean sent = record.getOutcome() == Outcome.LOADED || record.getOutcome() == Outcome.UPDATED;
        merge.setString(1, record.getObject());
        merge.setString(2, record.getLegacyId());
        merge.setString(3, record.getTargetId());
        merge.setString(4, sent ? record.getContentHash() : null);
        merge.setString(5, record.getOutcome().label());
        merge.setString(6, record.getRunId());
        merge.setTimestamp(7, now);
        merge.addBatch();
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
