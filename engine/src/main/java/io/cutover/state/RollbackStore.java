package io.cutover.state;

import io.cutover.pipeline.Outcome;
import io.cutover.rollback.CreatedRecord;
import io.cutover.rollback.KeptImage;
import io.cutover.rollback.LedgerEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What a rollback reads from and writes to the state store, and the before-images kept for it while a run updates
 * records. What is left to roll back is always read from the store
 * (records the ledger still gives the run's target id, before-images not yet restored), so a rollback that stopped
 * half-way is started again and does the rest.
 */
@ApplicationScoped
public class RollbackStore {

    /** A run as the run table has it. */
    public record Run(String id, String mode, String status, Timestamp startedAt) {}

    /** The first image a run keeps of a record is the one it restores: the values before the run's first write. */
    private static final String KEEP_BEFORE_IMAGE = """
            merge into before_image as b
            using (values (cast(? as varchar(40)), cast(? as varchar(80)), cast(? as varchar(255)), cast(? as varchar(18)),
                           cast(? as varchar(64)), cast(? as varchar(20)), cast(? as varchar(40)),
                           cast(? as varchar(1000000)), cast(? as timestamp)))
                  as v(run_id, object_name, legacy_id, target_id, content_hash, ledger_outcome, ledger_run_id,
                       field_values, captured_at)
            on b.run_id = v.run_id and b.object_name = v.object_name and b.legacy_id = v.legacy_id
            when not matched then insert (run_id, object_name, legacy_id, target_id, content_hash, ledger_outcome,
                 ledger_run_id, field_values, captured_at)
                 values (v.run_id, v.object_name, v.legacy_id, v.target_id, v.content_hash, v.ledger_outcome,
                 v.ledger_run_id, v.field_values, v.captured_at)
            """;
    private static final String LATER_CHANGES = """
            select r.id, count(*) from outcome o join run r on r.id = o.run_id
            where r.started_at > ? and r.status <> ? and o.outcome in ('loaded', 'updated')
            group by r.id order by r.id
            """;
    private static final String CREATED = """
            select o.record_no, o.legacy_id, o.target_id, b.target_id, b.content_hash, b.ledger_outcome, b.ledger_run_id
            from outcome o
            left join before_image b on b.run_id = o.run_id and b.object_name = o.object_name and b.legacy_id = o.legacy_id
            where o.run_id = ? and o.object_name = ? and o.outcome = 'loaded' and o.record_no > ?
              and exists (select 1 from ledger l where l.object_name = o.object_name and l.legacy_id = o.legacy_id
                          and l.target_id = o.target_id)
            order by o.record_no fetch first ? rows only
            """;
    private static final String KEPT_IMAGES = """
            select b.legacy_id, b.target_id, b.content_hash, b.ledger_outcome, b.ledger_run_id, b.field_values
            from before_image b
            where b.run_id = ? and b.object_name = ? and b.legacy_id > ? and b.restored_at is null
              and b.field_values is not null
              and exists (select 1 from outcome o where o.run_id = b.run_id and o.object_name = b.object_name
                          and o.legacy_id = b.legacy_id and o.outcome = 'updated')
            order by b.legacy_id fetch first ? rows only
            """;
    /** Created records whose target id the run did not keep: the rollback cannot find them. */
    private static final String CREATED_WITHOUT_TARGET_ID = """
            select legacy_id, source_ref from outcome
            where run_id = ? and object_name = ? and outcome = 'loaded' and target_id is null order by record_no
            """;
    /** Updated records with no before-image (a run made before before-images were kept), but for a legacy id created by the same run. */
    private static final String UPDATED_WITHOUT_IMAGE = """
            select o.legacy_id, o.source_ref from outcome o
            where o.run_id = ? and o.object_name = ? and o.outcome = 'updated'
              and not exists (select 1 from before_image b where b.run_id = o.run_id and b.object_name = o.object_name
                              and b.legacy_id = o.legacy_id)
              and not exists (select 1 from outcome c where c.run_id = o.run_id and c.object_name = o.object_name
                              and c.legacy_id = o.legacy_id and c.outcome = 'loaded')
            order by o.record_no
            """;

    private final DataSource dataSource;

    RollbackStore(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Run> run(String runId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select id, mode, status, started_at from run where id = ?")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Run(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read run " + runId, e);
        }
    }

    /** Later runs (not rolled back) that created or updated records in the target, with how many. */
    public Map<String, Long> laterChanges(Run run, String rolledBackStatus) {
        Map<String, Long> runs = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(LATER_CHANGES)) {
            select.setTimestamp(1, run.startedAt());
            select.setString(2, rolledBackStatus);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    runs.put(row.getString(1), row.getLong(2));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot look for the runs after run " + run.id(), e);
        }
    }

    /** The objects of the run in the order it loaded them: those it finished reading, then any other it has outcomes for. */
    public List<String> objects(String runId) {
        Set<String> objects = new LinkedHashSet<>();
        objects.addAll(strings("select object_name from run_object where run_id = ? order by read_at, object_name", runId));
        objects.addAll(strings("select object_name from outcome where run_id = ? group by object_name "
                + "order by min(recorded_at), object_name", runId));
        return List.copyOf(objects);
    }

    /** The next records after {@code afterRecordNumber} the run created and the ledger still gives the run's target id. */
    public List<CreatedRecord> created(String runId, String object, long afterRecordNumber, int limit) {
        List<CreatedRecord> records = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(CREATED)) {
            select.setString(1, runId);
            select.setString(2, object);
            select.setLong(3, afterRecordNumber);
            select.setInt(4, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    LedgerEntry previous = row.getString(4) == null ? null
                            : new LedgerEntry(row.getString(2), row.getString(4), row.getString(5), row.getString(6), row.getString(7));
                    records.add(new CreatedRecord(row.getLong(1), row.getString(2), row.getString(3), previous));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the " + object + " records run " + runId + " created", e);
        }
    }

    /** The next before-images after {@code afterLegacyId} of records the run updated, not yet restored. */
    public List<KeptImage> keptImages(String runId, String object, String afterLegacyId, int limit) {
        List<KeptImage> images = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(KEPT_IMAGES)) {
            select.setString(1, runId);
            select.setString(2, object);
            select.setString(3, afterLegacyId);
            select.setInt(4, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    images.add(new KeptImage(new LedgerEntry(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5)), row.getString(6)));
                }
            }
            return images;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the before-images of the " + object + " records run " + runId + " updated", e);
        }
    }

    /** Legacy id -> source reference of the created records the rollback cannot find in the target. */
    public Map<String, String> createdWithoutTargetId(String runId, String object) {
        return legacyIdsAndRefs(CREATED_WITHOUT_TARGET_ID, runId, object);
    }

    /** Legacy id -> source reference of the updated records that have no before-image. */
    public Map<String, String> updatedWithoutImage(String runId, String object) {
        return legacyIdsAndRefs(UPDATED_WITHOUT_IMAGE, runId, object);
    }

    /**
     * The records are deleted from the target: each leaves the ledger, or gets back the entry it had before the run
     * when it had one.
     */
    public void forgetDeleted(String runId, String object, List<CreatedRecord> records) {
        inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from ledger where object_name = ? and legacy_id = ? and target_id = ?")) {
                for (CreatedRecord record : records) {
                    if (record.previous() == null) {
                        delete.setString(1, object);
                        delete.setString(2, record.legacyId());
                        delete.setString(3, record.targetId());
                        delete.addBatch();
                    }
                }
                delete.executeBatch();
            }
            restoreEntries(connection, runId, object, records.stream().map(CreatedRecord::previous)
                    .filter(previous -> previous != null).toList());
        }, "bring back the ledger entries of " + records.size() + " deleted " + object + " records");
    }

    /** The records' before-images are written back to the target: the ledger gets back the entries they had. */
    public void restored(String runId, String object, List<KeptImage> images) {
        inTransaction(connection -> restoreEntries(connection, runId, object, images.stream().map(KeptImage::previous).toList()),
                "bring back the ledger entries of " + images.size() + " restored " + object + " records");
    }

    public void setStatus(String runId, String status) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update run set status = ? where id = ?")) {
            update.setString(1, status);
            update.setString(2, runId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot set the status of run " + runId, e);
        }
    }

    /** The ledger entries of the records that will update a target record and have no before-image in this run yet. */
    public Collection<LedgerEntry> entriesWithoutBeforeImage(String runId, String object, Set<String> legacyIds) {
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


    /**
     * Keeps the before-images of the entries, with the target's field values per target id as JSON (none: the record
     * is no longer in the target).
     */
    public void keepBeforeImages(String runId, String object, Collection<LedgerEntry> entries, Map<String, String> fieldValues) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(KEEP_BEFORE_IMAGE)) {
                for (LedgerEntry entry : entries) {
                    insert.setString(1, runId);
                    insert.setString(2, object);
                    insert.setString(3, entry.legacyId());
                    insert.setString(4, entry.targetId());
                    insert.setString(5, entry.contentHash());
                    insert.setString(6, entry.outcome());
                    insert.setString(7, entry.runId());
                    insert.setString(8, fieldValues.get(entry.targetId()));
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

    private static void restoreEntries(Connection connection, String runId, String object, List<LedgerEntry> entries)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement delete = connection.prepareStatement("delete from ledger where object_name = ? and legacy_id = ?");
                PreparedStatement insert = connection.prepareStatement("""
                        insert into ledger (object_name, legacy_id, target_id, content_hash, outcome, run_id, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """);
                PreparedStatement restored = connection.prepareStatement(
                        "update before_image set restored_at = ? where run_id = ? and object_name = ? and legacy_id = ?")) {
            for (LedgerEntry entry : entries) {
                delete.setString(1, object);
                delete.setString(2, entry.legacyId());
                delete.addBatch();
                restored.setTimestamp(1, now);
                restored.setString(2, runId);
                restored.setString(3, object);
                restored.setString(4, entry.legacyId());
                restored.addBatch();
                if (entry.outcome() == null) {
                    // the ledger held nothing for it before the run (a target record the run matched): it leaves
                    continue;
                }
                insert.setString(1, object);
                insert.setString(2, entry.legacyId());
                insert.setString(3, entry.targetId());
                insert.setString(4, entry.contentHash());
                insert.setString(5, entry.outcome());
                insert.setString(6, entry.runId());
                insert.setTimestamp(7, now);
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
            restored.executeBatch();
        }
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void inTransaction(Work work, String what) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot " + what, e);
        }
    }

    private Map<String, String> legacyIdsAndRefs(String query, String runId, String object) {
        Map<String, String> records = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, runId);
            select.setString(2, object);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    records.put(row.getString(1), row.getString(2));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the " + object + " records of run " + runId, e);
        }
    }

    private List<String> strings(String query, String parameter) {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the state store: " + query, e);
        }
    }
}
