package io.cutover.state;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The ledger: per object and legacy id, the target id and the hash of the content last loaded; and per run, one
 * outcome row for every source record read.
 *
 * <p>A run writes a record's outcome row twice at most: when the record is read ({@link #stage}: final at once for a
 * reject or an unchanged record, {@code pending} with the values to load otherwise), and when the target answered
 * ({@link #record}). Both are idempotent, so a run that was killed can read its export again and load what is still
 * pending without counting anything twice.
 */
@ApplicationScoped
@Named("ledger")
public class Ledger {

    /**
     * @param sourceModified the source's modification marker of the version applied, when its source has one
     * @param survivorTargetId for a record merged into a duplicate, the target id of the record that survived
     */
    public record Entry(String targetId, String contentHash, String sourceModified, String survivorTargetId) {

        /** The target record that stands for this legacy record: its own, or its survivor's when it was merged. */
        public String targetIdOrSurvivors() {
            return targetId != null ? targetId : survivorTargetId;
        }
    }

    /** The operation column of a staged record: what the load does with it. */
    private static final String UPSERT = "upsert";
    private static final String DELETE = "delete";

    private static final MultiRowStatement.Sql MERGE_LEDGER = new MultiRowStatement.Sql(
            "merge into ledger as l using (values ",
            "(cast(? as varchar(80)), cast(? as varchar(255)), cast(? as varchar(255)), cast(? as varchar(64)), "
                    + "cast(? as varchar(20)), cast(? as varchar(40)), cast(? as timestamp), cast(? as varchar(64)), "
                    + "cast(? as varchar(1000000)))",
            """
            ) as v(object_name, legacy_id, target_id, content_hash, outcome, run_id, updated_at, source_modified,
                   in_step_values)
            on l.object_name = v.object_name and l.legacy_id = v.legacy_id
            when matched then update set target_id = coalesce(v.target_id, l.target_id),
                 content_hash = coalesce(v.content_hash, l.content_hash), outcome = v.outcome, run_id = v.run_id,
                 updated_at = v.updated_at, source_modified = coalesce(v.source_modified, l.source_modified),
                 in_step_values = coalesce(v.in_step_values, l.in_step_values),
                 values_sent_at = case when v.in_step_values is null then l.values_sent_at else v.updated_at end
            when not matched then insert (object_name, legacy_id, target_id, content_hash, outcome, run_id, updated_at,
                 source_modified, in_step_values, values_sent_at)
                 values (v.object_name, v.legacy_id, v.target_id, v.content_hash, v.outcome, v.run_id, v.updated_at,
                 v.source_modified, v.in_step_values, case when v.in_step_values is null then null else v.updated_at end)
            """, 1, 2);


    /**
     * A record deleted from the target leaves no target id nor content behind: a child can no longer refer to it, and
     * the same legacy id coming back (an undelete) is created again rather than found unchanged.
     */
    private static final String LEDGER_DELETED = """
            update ledger set target_id = null, content_hash = null, outcome = 'deleted', run_id = ?, updated_at = ?,
                   source_modified = coalesce(?, source_modified)
            where object_name = ? and legacy_id = ?
            """;

    /** Inserts the outcome row unless the record was already staged by an earlier attempt at the same run. */
    private static final MultiRowStatement.Sql STAGE_OUTCOME = new MultiRowStatement.Sql(
            "merge into outcome as o using (values ",
            "(cast(? as varchar(40)), cast(? as varchar(80)), cast(? as bigint), cast(? as varchar(255)), "
                    + "cast(? as varchar(1000)), cast(? as varchar(20)), cast(? as varchar(80)), cast(? as varchar(4000)), "
                    + "cast(? as timestamp), cast(? as varchar(64)), cast(? as varchar(255)), cast(? as varchar(1000000)), "
                    + "cast(? as varchar(1000000)), cast(? as varchar(4000)), cast(? as varchar(64)), cast(? as varchar(10)), "
                    + "cast(? as varchar(255)), cast(? as varchar(255)))",
            """
            ) as v(run_id, object_name, record_no, legacy_id, source_ref, outcome, reason_code, message, recorded_at,
                   content_hash, parent_key, payload, source_values, warnings, source_modified, operation, target_id,
                   legacy_key)
            on o.run_id = v.run_id and o.object_name = v.object_name and o.record_no = v.record_no
            when not matched then insert (run_id, object_name, record_no, legacy_id, source_ref, outcome, reason_code, message,
                       recorded_at, content_hash, parent_key, payload, source_values, warnings, source_modified, operation,
                       target_id, legacy_key)
                 values (v.run_id, v.object_name, v.record_no, v.legacy_id, v.source_ref, v.outcome, v.reason_code, v.message,
                       v.recorded_at, v.content_hash, v.parent_key, v.payload, v.source_values, v.warnings, v.source_modified,
                       v.operation, v.target_id, v.legacy_key)
            """, 1, 2, 3);


    private static final String STAGE_DEFERRED = """
            merge into deferred_reference as d
            using (values (cast(? as varchar(40)), cast(? as varchar(80)), cast(? as varchar(255)), cast(? as varchar(80)),
                           cast(? as varchar(80)), cast(? as varchar(255)), cast(? as bigint)))
                  as v(run_id, object_name, legacy_id, field, parent_object, parent_legacy_id, record_no)
            on d.run_id = v.run_id and d.object_name = v.object_name and d.legacy_id = v.legacy_id and d.field = v.field
            when not matched then insert (run_id, object_name, legacy_id, field, parent_object, parent_legacy_id, record_no, status)
                 values (v.run_id, v.object_name, v.legacy_id, v.field, v.parent_object, v.parent_legacy_id, v.record_no, 'pending')
            """;

    /** What the target answered for a record still pending (a record closed meanwhile, by a stop, is left alone). */
    private static final MultiRowStatement.Sql RECORD_OUTCOME = new MultiRowStatement.Sql(
            "merge into outcome as o using (values ",
            "(cast(? as varchar(20)), cast(? as varchar(80)), cast(? as varchar(4000)), cast(? as varchar(255)), "
                    + "cast(? as varchar(4000)), cast(? as timestamp), cast(? as boolean), cast(? as boolean), "
                    + "cast(? as varchar(40)), cast(? as varchar(80)), cast(? as bigint))",
            """
            ) as v(outcome, reason_code, message, target_id, warnings, recorded_at, clear_payload, clear_source, run_id, object_name,
                   record_no)
            on o.run_id = v.run_id and o.object_name = v.object_name and o.record_no = v.record_no and o.outcome = 'pending'
            when matched then update set outcome = v.outcome, reason_code = v.reason_code, message = v.message,
                 target_id = v.target_id, attempts = o.attempts + 1, warnings = v.warnings, recorded_at = v.recorded_at,
                 payload = case when v.clear_payload then null else o.payload end,
                 source_values = case when v.clear_source then null else o.source_values end
            """, 9, 10, 11);


    private final DataSource dataSource;
    private final ObjectMapper json;
    private final SyncQueue syncQueue;
    private final SentWithoutTarget sentWithoutTarget;

    /**
     * The ledger keeps the values of what was sent while the reverse sync is on (its merge policy compares fields) or
     * reconciliation compares the target's fields with them.
     */
    private final boolean keepInStepValues;

    Ledger(@StateStore DataSource dataSource, ObjectMapper json, SyncQueue syncQueue, SentWithoutTarget sentWithoutTarget,
            @ConfigProperty(name = "cutover.reverse-sync.enabled") boolean reverseSync,
            @ConfigProperty(name = "cutover.reconcile.fields") boolean reconcileFields) {
        this.keepInStepValues = reverseSync || reconcileFields;
        this.dataSource = dataSource;
        this.syncQueue = syncQueue;
        this.sentWithoutTarget = sentWithoutTarget;
        // Values come back as they were mapped: decimals stay exact.
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** How many records of the object the ledger says the target holds (those with a target id). */
    public long countInTarget(String object) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select count(*) from ledger where object_name = ? and target_id is not null")) {
            select.setString(1, object);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot count the " + object + " records in the ledger", e);
        }
    }

    /** A record the ledger says the target holds. */
    public record InTarget(String legacyId, String targetId) {}

    /** Up to {@code limit} of the object's records the ledger says the target holds, after a legacy id, in its order. */
    public List<InTarget> inTargetAfter(String object, String afterLegacyId, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select legacy_id, target_id from ledger
                        where object_name = ? and target_id is not null and legacy_id > ?
                        order by legacy_id fetch first ? rows only
                        """)) {
            select.setString(1, object);
            select.setString(2, afterLegacyId);
            select.setInt(3, limit);
            List<InTarget> page = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    page.add(new InTarget(row.getString(1), row.getString(2)));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the " + object + " records in the ledger", e);
        }
    }

    public Optional<Entry> find(String object, String legacyId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select l.target_id, l.content_hash, l.source_modified, s.target_id from ledger l "
                                + "left join ledger s on s.object_name = l.object_name and s.legacy_id = l.merged_into "
                                + "where l.object_name = ? and l.legacy_id = ?")) {
            select.setString(1, object);
            select.setString(2, legacyId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Entry(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the ledger entry of " + object + " " + legacyId, e);
        }
    }

    /** The ledger's entries of these legacy ids of the object, by legacy id: one query per thousand ids. */
    public Map<String, Entry> entries(String object, List<String> legacyIds) {
        try (Connection connection = dataSource.getConnection()) {
            return entries(connection, object, legacyIds);
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the ledger entries of " + legacyIds.size() + " " + object + " records", e);
        }
    }

    /** The same within a transaction of the state store. */
    static Map<String, Entry> entries(Connection connection, String object, List<String> legacyIds) throws SQLException {
        Map<String, Entry> entries = new HashMap<>();
        for (List<String> slice : KeyLists.slices(legacyIds)) {
            try (PreparedStatement select = connection.prepareStatement("select l.legacy_id, l.target_id, l.content_hash, "
                    + "l.source_modified, s.target_id from " + KeyLists.values(slice.size(), "k")
                    + " join ledger l on l.object_name = ? and l.legacy_id = k.wanted"
                    + " left join ledger s on s.object_name = l.object_name and s.legacy_id = l.merged_into")) {
                KeyLists.bind(select, 1, slice);
                select.setString(slice.size() + 1, object);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.put(row.getString(1), new Entry(row.getString(2), row.getString(3), row.getString(4),
                                row.getString(5)));
                    }
                }
            }
        }
        return entries;
    }

    /**
     * What Cutover last sent for a record: the field values as the mapping gave them (JSON; kept while the reverse sync or
     * reconciliation's field check is on), and when the ledger recorded the target's answer.
     */
    public record Sent(String values, Instant at) {}

    /** The values last sent of these records, those the ledger has: one query per thousand. */
    public Map<String, Sent> sent(String object, List<String> legacyIds) {
        Map<String, Sent> sent = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<String> slice : KeyLists.slices(legacyIds)) {
                try (PreparedStatement select = connection.prepareStatement("select l.legacy_id, l.in_step_values, "
                        + "coalesce(l.values_sent_at, l.updated_at) from " + KeyLists.values(slice.size(), "k")
                        + " join ledger l on l.object_name = ? and l.legacy_id = k.wanted where l.in_step_values is not null")) {
                    KeyLists.bind(select, 1, slice);
                    select.setString(slice.size() + 1, object);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            sent.put(row.getString(1), new Sent(row.getString(2), row.getTimestamp(3).toInstant()));
                        }
                    }
                }
            }
            return sent;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the values sent of " + legacyIds.size() + " " + object + " records", e);
        }
    }

    /** The id of the target record migrated from this legacy record, if it was loaded. */
    public Optional<String> targetId(String object, String legacyId) {
        return find(object, legacyId).map(Entry::targetId);
    }

    /**
     * Stages a batch of records just read: the ones still to load as {@code pending}, with their values; the others
     * with their final outcome. A record whose legacy id was already read in this run is rejected as a duplicate
     * naming where the first one was: loading both would make one overwrite the other. Records staged by an earlier
     * attempt at the run keep their first row. In a dry run, the ledger itself is left as it is.
     */
    public void stage(@Body List<PipelineRecord> records, @ExchangeProperty("dryRun") Boolean dryRun,
            @ExchangeProperty("runKind") String runKind) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            MultiRowStatement outcomes = STAGE_OUTCOME.statement();
            MultiRowStatement ledger = MERGE_LEDGER.statement();
            try (PreparedStatement deferred = connection.prepareStatement(STAGE_DEFERRED)) {
                // versions of a record from a change stream are ordered by their markers; rows of a file are duplicates
                List<PipelineRecord> changes = records.stream().filter(ChangeVersions::isChange).toList();
                ChangeVersions.order(connection, changes);
                rejectDuplicateLegacyIds(connection, records.stream().filter(record -> !ChangeVersions.isChange(record)).toList());
                if (SyncQueue.SYNC_RUN.equals(runKind)) {
                    syncQueue.hold(connection, records, now);
                }
                for (PipelineRecord record : records) {
                    addStagedOutcome(outcomes, record, now);
                    if (record.isLoadable()) {
                        addDeferredReferences(deferred, record);
                    }
                    if (!Boolean.TRUE.equals(dryRun) && !record.isLoadable() && !record.getLegacyId().isEmpty()) {
                        addLedgerEntry(ledger, record, now);
                    }
                }
                outcomes.executeBatch(connection);
                ledger.executeBatch(connection);
                deferred.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot stage " + records.size() + " records", e);
        }
    }

    /**
     * Writes what the target answered for a batch of pending records, and brings the ledger up to date, in one
     * transaction. A record to retry stays pending with one more attempt and the reason; a rejected record keeps the
     * hash of what was last loaded, so that the next run sends it again.
     */
    public void record(@Body List<PipelineRecord> records) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // before the ledger entries give those records their target ids
            sentWithoutTarget.reclassify(connection, records);
            MultiRowStatement outcomes = RECORD_OUTCOME.statement();
            MultiRowStatement ledger = MERGE_LEDGER.statement();
            try (PreparedStatement deletedEntries = connection.prepareStatement(LEDGER_DELETED)) {
                for (PipelineRecord record : records) {
                    addRecordedOutcome(outcomes, record, now);
                    if (record.getOutcome() == Outcome.DELETED) {
                        addDeletedEntry(deletedEntries, record, now);
                    } else if (!record.isLoadable() && !record.getLegacyId().isEmpty()) {
                        addLedgerEntry(ledger, record, now);
                    }
                }
                outcomes.executeBatch(connection);
                ledger.executeBatch(connection);
                deletedEntries.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot record the outcomes of " + records.size() + " records", e);
        }
    }

    /**
     * Up to {@code limit} pending records of a run and object, in parent order, after the given position: the load
     * step walks through them batch by batch, while each batch it loaded leaves the pending state. The condition and
     * the order are said as index outcome_pending_in_order reads (V21), so that a page is read, not every pending row.
     */
    public List<PipelineRecord> pending(String runId, String object, String afterParentKey, long afterRecordNo, int limit) {
        String query = """
                select record_no, legacy_id, source_ref, content_hash, parent_key, attempts, payload, source_values,
                       source_modified, operation, target_id, warnings
                from outcome where run_id = ? and object_name = ? and outcome = 'pending'
                  and (parent_key, record_no) > (?, ?)
                order by run_id, object_name, outcome, parent_key, record_no
                fetch first ? rows only
                """;
        List<PipelineRecord> records = new ArrayList<>(limit);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, runId);
            select.setString(2, object);
            select.setString(3, afterParentKey);
            select.setLong(4, afterRecordNo);
            select.setInt(5, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    PipelineRecord record = DELETE.equals(row.getString(10))
                            ? PipelineRecord.toDelete(runId, object, row.getString(2), row.getLong(1), row.getString(3))
                                    .withTargetId(row.getString(11))
                            : new PipelineRecord(runId, object, row.getString(2), row.getLong(1), row.getString(3),
                                    fromJson(row.getString(7), new TypeReference<LinkedHashMap<String, Object>>() { }),
                                    row.getString(4));
                    // the load writes the record's warnings whole: those it was staged with come along
                    if (row.getString(12) != null) {
                        row.getString(12).lines().forEach(record::warn);
                    }
                    records.add(record.withParentKey(row.getString(5))
                            .withAttempts(row.getInt(6))
                            .withChangedAt(row.getString(9))
                            .withSourceValues(fromJson(row.getString(8), new TypeReference<LinkedHashMap<String, String>>() { })));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the pending records of " + object + " in run " + runId, e);
        }
    }

    /** How many records of the run and object are still pending, and the most attempts any of them has had. */
    public PendingCount pendingCount(String runId, String object) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select count(*), coalesce(max(attempts), 0) from outcome
                        where run_id = ? and object_name = ? and outcome = 'pending'
                        """)) {
            select.setString(1, runId);
            select.setString(2, object);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new PendingCount(row.getLong(1), row.getInt(2));
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot count the pending records of " + object + " in run " + runId, e);
        }
    }

    public record PendingCount(long records, int mostAttempts) {}

    /**
     * Gives back the attempt of the records of the run and object whose call failed, without an answer or with a server
     * error, since {@code since}: an outage of the target, not their own failure. Their count of records.
     */
    public int forgiveCallFailures(String runId, String object, Instant since) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update outcome set attempts = attempts - 1
                        where run_id = ? and object_name = ? and outcome = 'pending' and attempts > 0 and recorded_at >= ?
                          and (reason_code in ('TARGET_CALL_FAILED', 'SERVER_UNAVAILABLE') or reason_code like 'HTTP!_5%' escape '!')
                        """)) {
            update.setString(1, runId);
            update.setString(2, object);
            update.setTimestamp(3, Timestamp.from(since.minusSeconds(1)));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot give back the attempts an outage took from " + object + " in run " + runId, e);
        }
    }

    /**
     * Ends the pending state of the records of the run and object still pending after at least {@code minAttempts}
     * attempts, with the given outcome: the reason code, and a message that keeps the reason of the last attempt.
     */
    public int closePending(String runId, String object, int minAttempts, Outcome outcome, String reasonCode, String message) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update outcome set outcome = ?, reason_code = ?,
                               message = source_ref || ': ' || ? || coalesce(' Last attempt: ' || message, ''), recorded_at = ?
                        where run_id = ? and object_name = ? and outcome = 'pending' and attempts >= ?
                        """)) {
            update.setString(1, outcome.label());
            update.setString(2, reasonCode);
            update.setString(3, message);
            update.setTimestamp(4, Timestamp.from(Instant.now()));
            update.setString(5, runId);
            update.setString(6, object);
            update.setInt(7, minAttempts);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot close the pending records of " + object + " in run " + runId, e);
        }
    }

    /**
     * The same for a sync cycle: the records still pending after {@code minAttempts} attempts wait in the sync queue
     * for a later cycle (skipped {@code QUEUED} in this one), or are rejected when the queue has tried them enough.
     */
    public int holdPending(String runId, String object, int minAttempts, String reasonCode, String message) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("""
                    select record_no, legacy_id, source_ref, source_values, source_modified, message from outcome
                    where run_id = ? and object_name = ? and outcome = 'pending' and attempts >= ?
                    """);
                    PreparedStatement update = connection.prepareStatement("""
                    update outcome set outcome = ?, reason_code = ?, message = ?, payload = null, recorded_at = ?
                    where run_id = ? and object_name = ? and record_no = ?
                    """)) {
                select.setString(1, runId);
                select.setString(2, object);
                select.setInt(3, minAttempts);
                List<PipelineRecord> records = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        PipelineRecord record = PipelineRecord.rejected(runId, object, row.getString(2), row.getLong(1),
                                row.getString(3), reasonCode, row.getString(3) + ": " + message
                                        + (row.getString(6) == null ? "" : " Last attempt: " + row.getString(6)))
                                .withSourceValues(fromJson(row.getString(4), new TypeReference<LinkedHashMap<String, String>>() { }))
                                .withChangedAt(row.getString(5));
                        records.add(record);
                    }
                }
                syncQueue.hold(connection, records, now);
                for (PipelineRecord record : records) {
                    update.setString(1, record.getOutcome().label());
                    update.setString(2, record.getReasonCode());
                    update.setString(3, truncate(record.getMessage(), 4000));
                    update.setTimestamp(4, now);
                    update.setString(5, runId);
                    update.setString(6, object);
                    update.setLong(7, record.getRecordNumber());
                    update.addBatch();
                }
                update.executeBatch();
                connection.commit();
                return records.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot hold the pending records of " + object + " in run " + runId, e);
        }
    }

    /**
     * Which of these records the run took: loaded, updated, unchanged, pending, or found valid by a dry run (a child may
     * refer to them). One query per thousand ids.
     */
    public Set<String> inRun(String runId, String object, List<String> legacyIds) {
        Set<String> taken = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<String> slice : KeyLists.slices(legacyIds)) {
                try (PreparedStatement select = connection.prepareStatement("select o.legacy_id from "
                        + KeyLists.values(slice.size(), "k") + " join outcome o on o.run_id = ? and o.object_name = ?"
                        + " and o.legacy_id = k.wanted and (o.outcome in ('loaded', 'updated', 'unchanged', 'pending')"
                        + " or o.outcome = 'skipped' and o.reason_code = 'DRY_RUN')")) {
                    KeyLists.bind(select, 1, slice);
                    select.setString(slice.size() + 1, runId);
                    select.setString(slice.size() + 2, object);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            taken.add(row.getString(1));
                        }
                    }
                }
            }
            return taken;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read which of " + legacyIds.size() + " " + object + " records run "
                    + runId + " took", e);
        }
    }

    /** Records of the object the run took so far: staged to load, loaded, updated or unchanged. */
    public long countInRun(String runId, String object) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select count(*) from outcome where run_id = ? and object_name = ?
                          and outcome in ('loaded', 'updated', 'unchanged', 'pending')
                        """)) {
            select.setString(1, runId);
            select.setString(2, object);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot count the records of " + object + " in run " + runId, e);
        }
    }

    /**
     * The first row of the export with a legacy id owns it, in every run, whatever becomes of it: the rows after it
     * with the same id (as the target compares ids: {@link PipelineRecord#getLegacyKey()}) are rejected as duplicates
     * naming its place, even while the first is rejected for a reason of its own. One query per chunk: this run's rows
     * already staged with the chunk's keys.
     */
    private void rejectDuplicateLegacyIds(Connection connection, List<PipelineRecord> records) throws SQLException {
        List<PipelineRecord> keyed = records.stream().filter(record -> !record.getLegacyId().isEmpty()).toList();
        if (keyed.isEmpty()) {
            return;
        }
        Map<String, Owner> owners = new HashMap<>();
        PipelineRecord first = keyed.get(0);
        List<String> keys = keyed.stream().map(PipelineRecord::getLegacyKey).distinct().toList();
        for (List<String> slice : KeyLists.slices(keys)) {
            try (PreparedStatement select = connection.prepareStatement("select o.legacy_key, o.record_no, o.source_ref from "
                    + KeyLists.values(slice.size(), "k")
                    + " join outcome o on o.run_id = ? and o.object_name = ? and o.legacy_key = k.wanted")) {
                KeyLists.bind(select, 1, slice);
                select.setString(slice.size() + 1, first.getRunId());
                select.setString(slice.size() + 2, first.getObject());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        owners.merge(row.getString(1), new Owner(row.getLong(2), row.getString(3)), Owner::earlier);
                    }
                }
            }
        }
        for (PipelineRecord record : keyed) {
            Owner owner = owners.merge(record.getLegacyKey(), new Owner(record.getRecordNumber(), record.getSourceRef()),
                    Owner::earlier);
            boolean stillToDecide = record.isLoadable() || record.getOutcome() == Outcome.UNCHANGED;
            if (owner.recordNumber() < record.getRecordNumber() && stillToDecide) {
                record.reject("DUPLICATE_LEGACY_ID", record.getSourceRef() + ": " + record.getObject() + " "
                        + record.getLegacyId() + ": the same legacy id was already read at " + owner.sourceRef());
            }
        }
    }

    /** The row of a run that owns a legacy id: the first read. */
    private record Owner(long recordNumber, String sourceRef) {
        Owner earlier(Owner other) {
            return other.recordNumber < recordNumber ? other : this;
        }
    }

    private void addStagedOutcome(MultiRowStatement merge, PipelineRecord record, Timestamp now) throws SQLException {
        boolean pending = record.isLoadable();
        merge.setString(1, record.getRunId());
        merge.setString(2, record.getObject());
        merge.setLong(3, record.getRecordNumber());
        merge.setString(4, record.getLegacyId());
        merge.setString(5, truncate(record.getSourceRef(), 1000));
        merge.setString(6, pending ? Outcome.PENDING.label() : record.getOutcome().label());
        merge.setString(7, record.getReasonCode());
        merge.setString(8, truncate(record.getMessage(), 4000));
        merge.setTimestamp(9, now);
        merge.setString(10, record.getContentHash());
        merge.setString(11, record.getParentKey());
        merge.setString(12, pending ? toJson(record.getFields()) : null);
        boolean keepSource = pending || record.getOutcome() == Outcome.REJECTED;
        merge.setString(13, keepSource ? toJson(record.getSourceValues()) : null);
        merge.setString(14, warnings(record));
        merge.setString(15, record.getChangedAt());
        merge.setString(16, record.isDeletion() ? DELETE : UPSERT);
        merge.setString(17, record.isDeletion() ? record.getTargetId() : null);
        merge.setString(18, record.getLegacyId().isEmpty() ? null : record.getLegacyKey());
        merge.addBatch();
    }

    private static void addDeferredReferences(PreparedStatement merge, PipelineRecord record) throws SQLException {
        for (PipelineRecord.DeferredReference reference : record.getDeferredReferences()) {
            merge.setString(1, record.getRunId());
            merge.setString(2, record.getObject());
            merge.setString(3, record.getLegacyId());
            merge.setString(4, reference.field());
            merge.setString(5, reference.parentObject());
            merge.setString(6, reference.parentLegacyId());
            merge.setLong(7, record.getRecordNumber());
            merge.addBatch();
        }
    }

    private static void addRecordedOutcome(MultiRowStatement update, PipelineRecord record, Timestamp now) throws SQLException {
        boolean done = !record.isLoadable();
        boolean loaded = record.getOutcome() == Outcome.LOADED || record.getOutcome() == Outcome.UPDATED
                || record.getOutcome() == Outcome.DELETED;
        update.setString(1, done ? record.getOutcome().label() : Outcome.PENDING.label());
        update.setString(2, record.getReasonCode());
        update.setString(3, truncate(record.getMessage(), 4000));
        update.setString(4, record.getTargetId());
        update.setString(5, warnings(record));
        update.setTimestamp(6, now);
        update.setBoolean(7, loaded);
        // a created or updated record keeps its source columns: the success file gives them back beside the target id
        update.setBoolean(8, record.getOutcome() == Outcome.DELETED);
        update.setString(9, record.getRunId());
        update.setString(10, record.getObject());
        update.setLong(11, record.getRecordNumber());
        update.addBatch();
    }

    private void addLedgerEntry(MultiRowStatement merge, PipelineRecord record, Timestamp now) throws SQLException {
        boolean sent = record.getOutcome() == Outcome.LOADED || record.getOutcome() == Outcome.UPDATED;
        boolean applied = sent || record.getOutcome() == Outcome.UNCHANGED;
        merge.setString(1, record.getObject());
        merge.setString(2, record.getLegacyId());
        merge.setString(3, record.getTargetId());
        merge.setString(4, sent ? record.getContentHash() : null);
        merge.setString(5, record.getOutcome().label());
        merge.setString(6, record.getRunId());
        merge.setTimestamp(7, now);
        // only the version the target holds moves the marker on: a skipped or rejected version is not applied
        merge.setString(8, applied ? record.getChangedAt() : null);
        merge.setString(9, sent && keepInStepValues ? toJson(record.getFields()) : null);
        merge.addBatch();
    }

    private static void addDeletedEntry(PreparedStatement update, PipelineRecord record, Timestamp now) throws SQLException {
        update.setString(1, record.getRunId());
        update.setTimestamp(2, now);
        update.setString(3, record.getChangedAt());
        update.setString(4, record.getObject());
        update.setString(5, record.getLegacyId());
        update.addBatch();
    }

    private static String warnings(PipelineRecord record) {
        return record.getWarnings().isEmpty() ? null : truncate(String.join("\n", record.getWarnings()), 4000);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Mapped values are strings, numbers and booleans: always JSON", e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StateStoreException("A staged record's values are not the JSON the ledger wrote", e);
        }
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
