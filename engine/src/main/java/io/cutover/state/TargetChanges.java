package io.cutover.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The reverse sync's inbox: every change of the target it received, stored with the checkpoint it moves, in one
 * transaction, before anything is done with it (a change received is a change stored); then applied to the legacy
 * CRM, one status per change. Storing is idempotent on the change's key, so a change received twice (a replay, a
 * sweep that finds what an event brought) is stored once.
 */
@Singleton
public class TargetChanges {

    /** A change not applied yet: due at its next attempt. */
    public static final String RECEIVED = "received";

    /** A change of one target record, as received. */
    public record Change(String object, String changeKey, String targetId, String changeType, String changeOrigin,
            Instant commitTime, List<String> changedFields, Map<String, Object> values) {
    }

    /** A stored change, with its place in the inbox and the attempts made to apply it. */
    public record Stored(long seq, Change change, int attempts) {
    }

    /** Where a capture resumes: a replay id, or a sweep's last SystemModstamp and id. */
    public record Checkpoint(String stream, String position, Instant commitTime) {
    }

    /** What became of a change: its final status (or {@value #RECEIVED} with a next attempt), why, and its legacy id. */
    public record Result(long seq, String status, String reasonCode, String message, String legacyId,
            Instant nextAttempt) {
    }

    private static final String STORE = """
            merge into target_change as t
            using (values (cast(? as varchar(80)), cast(? as varchar(255)), cast(? as varchar(18)),
                           cast(? as varchar(20)), cast(? as varchar(255)), cast(? as timestamp),
                           cast(? as varchar(4000)), cast(? as varchar(1000000)), cast(? as timestamp)))
                  as v(object_name, change_key, target_id, change_type, change_origin, commit_time, changed_fields,
                       field_values, received_at)
            on t.object_name = v.object_name and t.change_key = v.change_key
            when not matched then insert (object_name, change_key, target_id, change_type, change_origin, commit_time,
                 changed_fields, field_values, status, next_attempt_at, received_at)
                 values (v.object_name, v.change_key, v.target_id, v.change_type, v.change_origin, v.commit_time,
                 v.changed_fields, v.field_values, 'received', v.received_at, v.received_at)
            """;

    private static final String CHECKPOINT = """
            merge into target_checkpoint as c
            using (values (cast(? as varchar(120)), cast(? as varchar(255)), cast(? as timestamp), cast(? as timestamp)))
                  as v(stream, position, commit_time, updated_at)
            on c.stream = v.stream
            when matched then update set position = v.position, commit_time = v.commit_time, updated_at = v.updated_at
            when not matched then insert (stream, position, commit_time, updated_at)
                 values (v.stream, v.position, v.commit_time, v.updated_at)
            """;

    /** SQLSTATE of a unique key violated, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int STORE_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final ObjectMapper json;

    TargetChanges(@StateStore DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Stores the changes (those not stored before) and moves the checkpoint, in one transaction; returns how many were new. */
    public int store(List<Change> changes, Checkpoint checkpoint) {
        for (int attempt = 1; ; attempt++) {
            try {
                return storeOnce(changes, checkpoint);
            } catch (StateStoreException e) {
                // the migration cycle's sweep and the reverse sync's own may store the same record version at once: both
                // merges find no row and insert, one fails on the unique key; again, it finds the row the other stored
                if (attempt == STORE_ATTEMPTS || !(e.getCause() instanceof SQLException sql && uniqueViolation(sql))) {
                    throw e;
                }
            }
        }
    }

    /** A batch's failure names its statement's in the exception itself or in the one chained to it. */
    private static boolean uniqueViolation(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private int storeOnce(List<Change> changes, Checkpoint checkpoint) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement merge = connection.prepareStatement(STORE);
                    PreparedStatement move = connection.prepareStatement(CHECKPOINT)) {
                for (Change change : changes) {
                    merge.setString(1, change.object());
                    merge.setString(2, change.changeKey());
                    merge.setString(3, change.targetId());
                    merge.setString(4, change.changeType());
                    merge.setString(5, change.changeOrigin());
                    merge.setTimestamp(6, Timestamp.from(change.commitTime()));
                    merge.setString(7, truncate(String.join(",", change.changedFields()), 4000));
                    merge.setString(8, toJson(change.values()));
                    merge.setTimestamp(9, now);
                    merge.addBatch();
                }
                int stored = changes.isEmpty() ? 0 : Arrays.stream(merge.executeBatch()).map(count -> Math.max(count, 0)).sum();
                if (checkpoint != null) {
                    move.setString(1, checkpoint.stream());
                    move.setString(2, checkpoint.position());
                    move.setTimestamp(3, checkpoint.commitTime() == null ? null : Timestamp.from(checkpoint.commitTime()));
                    move.setTimestamp(4, now);
                    move.executeUpdate();
                }
                connection.commit();
                return stored;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot store " + changes.size() + " target changes", e);
        }
    }

    /**
     * When the capture of a stream began: the moment of the first call for it, kept in the state store, so that every
     * restart and replica finds the same one; to the millisecond, as Salesforce's commit timestamps.
     */
    public Instant captureStart(String stream) {
        String startStream = "start:" + stream;
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        merge into target_checkpoint as c
                        using (values (cast(? as varchar(120)), cast(? as varchar(255)), cast(? as timestamp)))
                              as v(stream, position, updated_at)
                        on c.stream = v.stream
                        when not matched then insert (stream, position, updated_at) values (v.stream, v.position, v.updated_at)
                        """)) {
            insert.setString(1, startStream);
            insert.setString(2, DateTimeFormatter.ISO_INSTANT.format(now));
            insert.setTimestamp(3, Timestamp.from(now));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot record when the capture of " + stream + " began", e);
        }
        return Instant.parse(checkpoint(startStream).orElseThrow().position()).truncatedTo(ChronoUnit.MILLIS);
    }

    public Optional<Checkpoint> checkpoint(String stream) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select position, commit_time from target_checkpoint where stream = ?")) {
            select.setString(1, stream);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Checkpoint(stream, row.getString(1),
                        row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the checkpoint of " + stream, e);
        }
    }

    /** The changes due, oldest first (the order they happened in the target), at most {@code limit}. */
    public List<Stored> due(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select seq, object_name, change_key, target_id, change_type, change_origin, commit_time,
                               changed_fields, field_values, attempts
                        from target_change where status = 'received' and next_attempt_at <= ?
                        order by seq fetch first ? rows only
                        """)) {
            select.setTimestamp(1, Timestamp.from(Instant.now()));
            select.setInt(2, limit);
            List<Stored> due = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String fields = row.getString(8);
                    due.add(new Stored(row.getLong(1), new Change(row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getTimestamp(7).toInstant(),
                            fields == null || fields.isEmpty() ? List.of() : List.of(fields.split(",")),
                            fromJson(row.getString(9))), row.getInt(10)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the target changes due", e);
        }
    }

    /** The outcome of each change of a batch, in one transaction: one statement for the batch. */
    public void finish(List<Result> results) {
        if (results.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("""
                    update target_change set status = ?, reason_code = ?, message = ?,
                           legacy_id = coalesce(?, legacy_id), attempts = attempts + 1,
                           next_attempt_at = coalesce(?, next_attempt_at), done_at = ?
                    where seq = ?
                    """)) {
                for (Result result : results) {
                    update.setString(1, result.status());
                    update.setString(2, result.reasonCode());
                    update.setString(3, truncate(result.message(), 4000));
                    update.setString(4, result.legacyId());
                    update.setTimestamp(5, result.nextAttempt() == null ? null : Timestamp.from(result.nextAttempt()));
                    update.setTimestamp(6, RECEIVED.equals(result.status()) ? null : now);
                    update.setLong(7, result.seq());
                    update.addBatch();
                }
                update.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot record the outcome of " + results.size() + " target changes", e);
        }
    }

    /** A held change goes back to the inbox, due now, to be applied as its conflict's resolution says. */
    public void release(long seq) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update target_change set status = 'received', next_attempt_at = ?, done_at = null where seq = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setLong(2, seq);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot release the target change " + seq, e);
        }
    }

    /** Changes per status and reason (applied, skipped ECHO, …), for the status page, the metrics and tests. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select status, coalesce(reason_code, ''), count(*) from target_change
                        group by status, coalesce(reason_code, '') order by 1, 2
                        """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                counts.put(row.getString(1) + (row.getString(2).isEmpty() ? "" : "/" + row.getString(2)), row.getLong(3));
            }
            return counts;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot count the target changes", e);
        }
    }

    /** Changes the SOQL sweep found and applied: with Change Data Capture on, what the events had not brought. */
    public long appliedFromSweeps() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select count(*) from target_change where status = 'applied' and change_key like 'sweep:%'");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new StateStoreException("Cannot count the target changes the sweep applied", e);
        }
    }

    /** Target records of the object with a change received and not applied yet (held ones included), of these ids. */
    public List<String> unapplied(String object, List<String> targetIds) {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<String> slice : KeyLists.slices(targetIds)) {
                try (PreparedStatement select = connection.prepareStatement("select distinct t.target_id from "
                        + KeyLists.values(slice.size(), "k") + " join target_change t on t.object_name = ?"
                        + " and t.target_id = k.wanted and t.status in ('received', 'held')")) {
                    KeyLists.bind(select, 1, slice);
                    select.setString(slice.size() + 1, object);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            found.add(row.getString(1));
                        }
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the target changes of " + targetIds.size() + " " + object + " records", e);
        }
    }

    /**
     * Per target record of these ids, the commit time of the latest change that reached the legacy CRM (written, or
     * found there already): a change committed before it is older than what the legacy CRM holds.
     */
    public Map<String, Instant> latestApplied(String object, List<String> targetIds) {
        Map<String, Instant> latest = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<String> slice : KeyLists.slices(targetIds)) {
                try (PreparedStatement select = connection.prepareStatement("select t.target_id, max(t.commit_time) from "
                        + KeyLists.values(slice.size(), "k") + " join target_change t on t.object_name = ?"
                        + " and t.target_id = k.wanted and (t.status = 'applied' or t.status = 'skipped'"
                        + " and t.reason_code = 'NO_CHANGE') group by t.target_id")) {
                    KeyLists.bind(select, 1, slice);
                    select.setString(slice.size() + 1, object);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            latest.put(row.getString(1), row.getTimestamp(2).toInstant());
                        }
                    }
                }
            }
            return latest;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the applied target changes of " + targetIds.size() + " " + object
                    + " records", e);
        }
    }

    private String toJson(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A target change's values cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> fromJson(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new StateStoreException("A target change's values are not the JSON the inbox wrote", e);
        }
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
