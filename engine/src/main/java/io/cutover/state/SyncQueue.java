package io.cutover.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.pipeline.Backoff;
import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cutover sync's retry queue: changes that could not be applied yet, kept with their source values until a later
 * sync cycle applies them. A change waits here when its parent has not arrived in the target yet, or when the target
 * kept failing for a passing reason through all of a cycle's attempts; it is never skipped, and never waits for
 * somebody to edit the record again. Each further attempt waits a backoff that doubles; after
 * {@code cutover.sync.queue.max-attempts} the change is rejected with the reason of its last attempt.
 *
 * <p>In the run that tried it, a held change is {@code skipped} with reason {@code QUEUED}: the run's outcomes still add
 * up to what it read, and the later cycle that reads it from the queue gives it its outcome.
 */
@Singleton
public class SyncQueue {

    /** The run kind of a sync cycle (io.cutover.run.RunKind.SYNC). */
    public static final String SYNC_RUN = "sync";
    /** Reasons that pass with time: another cycle tries the change again. */
    static final Set<String> PASSING = Set.of("PARENT_NOT_LOADED", "RETRIES_EXHAUSTED", "TARGET_CHANGE_PENDING");

    /** A change read back from the queue. */
    public record Held(String legacyId, String sourceRef, Map<String, String> sourceValues, int attempts,
            String reasonCode) {}

    private static final String HOLD = """
            merge into sync_queue as q
            using (values (cast(? as varchar(80)), cast(? as varchar(255)), cast(? as varchar(1000)),
                           cast(? as varchar(1000000)), cast(? as varchar(64)), cast(? as varchar(80)),
                           cast(? as varchar(4000)), cast(? as timestamp), cast(? as timestamp)))
                  as v(object_name, legacy_id, source_ref, source_values, source_modified, reason_code, message,
                       next_attempt_at, queued_at)
            on q.object_name = v.object_name and q.legacy_id = v.legacy_id
            when matched then update set source_values = v.source_values, source_modified = v.source_modified,
                 attempts = q.attempts + 1, reason_code = v.reason_code, message = v.message,
                 next_attempt_at = v.next_attempt_at, claimed_by = null
            when not matched then insert (object_name, legacy_id, source_ref, source_values, source_modified, attempts,
                 reason_code, message, next_attempt_at, queued_at)
                 values (v.object_name, v.legacy_id, v.source_ref, v.source_values, v.source_modified, 1,
                 v.reason_code, v.message, v.next_attempt_at, v.queued_at)
            """;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final int maxAttempts;
    private final Backoff backoff;

    SyncQueue(@StateStore DataSource dataSource, ObjectMapper json,
            @ConfigProperty(name = "cutover.sync.queue.max-attempts") int maxAttempts,
            @ConfigProperty(name = "cutover.sync.queue.backoff") Duration backoff,
            @ConfigProperty(name = "cutover.sync.queue.backoff-max") Duration maxBackoff) {
        this.dataSource = dataSource;
        this.json = json;
        this.maxAttempts = maxAttempts;
        this.backoff = new Backoff(backoff, maxBackoff);
    }

    /**
     * Within a sync cycle's staging transaction: the records rejected for a passing reason wait in the queue instead,
     * and the run counts them skipped {@code QUEUED}; a record already tried {@code max-attempts} times stays rejected.
     */
    void hold(Connection connection, List<PipelineRecord> records, Timestamp now) throws SQLException {
        List<PipelineRecord> held = records.stream()
                .filter(record -> record.getOutcome() == Outcome.REJECTED && PASSING.contains(record.getReasonCode())
                        && !record.getLegacyId().isEmpty())
                .toList();
        if (held.isEmpty()) {
            return;
        }
        Map<String, Integer> attempts = attemptsSoFar(connection, held.get(0).getObject(),
                held.stream().map(PipelineRecord::getLegacyId).distinct().toList());
        try (PreparedStatement merge = connection.prepareStatement(HOLD);
                PreparedStatement drop = connection.prepareStatement(
                        "delete from sync_queue where object_name = ? and legacy_id = ?")) {
            for (PipelineRecord record : held) {
                int attempt = attempts.getOrDefault(record.getLegacyId(), 0) + 1;
                if (attempt >= maxAttempts) {
                    record.reject(record.getReasonCode(), record.getMessage() + " (still so after " + attempt
                            + " attempts by the cutover sync)");
                    drop.setString(1, record.getObject());
                    drop.setString(2, record.getLegacyId());
                    drop.addBatch();
                    continue;
                }
                Instant next = now.toInstant().plus(backoff.after(attempt));
                merge.setString(1, record.getObject());
                merge.setString(2, record.getLegacyId());
                merge.setString(3, truncate(record.getSourceRef(), 1000));
                merge.setString(4, toJson(record.getSourceValues()));
                merge.setString(5, record.getChangedAt());
                merge.setString(6, record.getReasonCode());
                merge.setString(7, truncate(record.getMessage(), 4000));
                merge.setTimestamp(8, Timestamp.from(next));
                merge.setTimestamp(9, now);
                merge.addBatch();
                record.skip("QUEUED", "waits in the sync queue (attempt " + attempt + " of " + maxAttempts
                        + ", next at " + next + "): " + record.getMessage());
            }
            merge.executeBatch();
            drop.executeBatch();
        }
    }

    /**
     * The object's changes due for another attempt (all of them in a final delta), at most {@code limit}, claimed by
     * the cycle: a cycle that is killed before it completes leaves them claimed, and the next cycle reads them again.
     */
    public List<Held> claimDue(String object, String runId, boolean all, int limit) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement claim = connection.prepareStatement("""
                    update sync_queue set claimed_by = ?
                    where object_name = ? and (next_attempt_at <= ? or claimed_by is not null or ?)
                    """);
                    PreparedStatement select = connection.prepareStatement("""
                    select legacy_id, source_ref, source_values, attempts, reason_code from sync_queue
                    where object_name = ? and claimed_by = ? order by queued_at, legacy_id
                    fetch first ? rows only
                    """)) {
                claim.setString(1, runId);
                claim.setString(2, object);
                claim.setTimestamp(3, now);
                claim.setBoolean(4, all);
                claim.executeUpdate();
                select.setString(1, object);
                select.setString(2, runId);
                select.setInt(3, limit);
                List<Held> held = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        held.add(new Held(row.getString(1), row.getString(2), fromJson(row.getString(3)), row.getInt(4),
                                row.getString(5)));
                    }
                }
                connection.commit();
                return held;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the sync queue of " + object, e);
        }
    }

    /** The cycle completed: the changes it claimed have their outcome (or are held again, unclaimed). */
    public int release(String runId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from sync_queue where claimed_by = ?")) {
            delete.setString(1, runId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot release the sync queue's changes claimed by " + runId, e);
        }
    }

    /** Changes waiting, per object. */
    public Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select object_name, count(*) from sync_queue group by object_name order by object_name");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                sizes.put(row.getString(1), row.getLong(2));
            }
            return sizes;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot count the sync queue", e);
        }
    }

    private Map<String, Integer> attemptsSoFar(Connection connection, String object, List<String> legacyIds)
            throws SQLException {
        Map<String, Integer> attempts = new HashMap<>();
        for (List<String> slice : KeyLists.slices(legacyIds)) {
            try (PreparedStatement select = connection.prepareStatement("select q.legacy_id, q.attempts from "
                    + KeyLists.values(slice.size(), "k") + " join sync_queue q on q.object_name = ? and q.legacy_id = k.wanted")) {
                KeyLists.bind(select, 1, slice);
                select.setString(slice.size() + 1, object);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        attempts.put(row.getString(1), row.getInt(2));
                    }
                }
            }
        }
        return attempts;
    }

    private String toJson(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Source values are strings: always JSON", e);
        }
    }

    private Map<String, String> fromJson(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new StateStoreException("A queued change's values are not the JSON the queue wrote", e);
        }
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
