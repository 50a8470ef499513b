package io.cutover.state;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Records changed on both sides since they were last in step, each with both versions (as JSON) and the decision: the
 * policy's ({@code target}, {@code legacy}) at once, or {@code held} until somebody resolves it.
 */
@Singleton
public class SyncConflicts {

    public static final String HELD = "held";

    public record Conflict(long id, String object, String legacyId, String targetId, long changeSeq, String policy,
            String decision, String targetVersion, String legacyVersion, Instant detectedAt, Instant resolvedAt) {
    }

    private static final String COLUMNS = "id, object_name, legacy_id, target_id, change_seq, policy, decision, "
            + "target_version, legacy_version, detected_at, resolved_at";

    private final DataSource dataSource;

    SyncConflicts(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a conflict and its decision ({@value #HELD} when nobody has decided yet); returns its id. */
    public long record(String object, String legacyId, String targetId, long changeSeq, String policy, String decision,
            String targetVersion, String legacyVersion) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into sync_conflict (object_name, legacy_id, target_id, change_seq, policy, decision,
                               target_version, legacy_version, detected_at, resolved_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, object);
            insert.setString(2, legacyId);
            insert.setString(3, targetId);
            insert.setLong(4, changeSeq);
            insert.setString(5, policy);
            insert.setString(6, decision);
            insert.setString(7, targetVersion);
            insert.setString(8, legacyVersion);
            insert.setTimestamp(9, now);
            insert.setTimestamp(10, HELD.equals(decision) ? null : now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot record the conflict of " + object + " " + legacyId, e);
        }
    }

    /** The conflicts, newest first; only the held ones with {@code heldOnly}. */
    public List<Conflict> list(boolean heldOnly) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from sync_conflict"
                        + (heldOnly ? " where decision = 'held'" : "") + " order by id desc")) {
            List<Conflict> conflicts = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    conflicts.add(conflict(row));
                }
            }
            return conflicts;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the sync conflicts", e);
        }
    }

    public Optional<Conflict> find(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from sync_conflict where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(conflict(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the sync conflict " + id, e);
        }
    }

    /** The decision on a target change's latest conflict, when one was made: {@code target} or {@code legacy}. */
    public Optional<String> decided(long changeSeq) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select decision from sync_conflict"
                        + " where change_seq = ? and decision <> 'held' order by id desc fetch first 1 rows only")) {
            select.setLong(1, changeSeq);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the decision on the target change " + changeSeq, e);
        }
    }

    /** Decides a held conflict; false when it is not held (decided already, or unknown). */
    public boolean resolve(long id, String decision) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update sync_conflict set decision = ?,"
                        + " resolved_at = ? where id = ? and decision = 'held'")) {
            update.setString(1, decision);
            update.setTimestamp(2, Timestamp.from(Instant.now()));
            update.setLong(3, id);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot resolve the sync conflict " + id, e);
        }
    }

    private static Conflict conflict(ResultSet row) throws SQLException {
        Timestamp resolved = row.getTimestamp(11);
        return new Conflict(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getTimestamp(10).toInstant(),
                resolved == null ? null : resolved.toInstant());
    }
}
