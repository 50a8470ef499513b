package io.cutover.state;

import io.cutover.pipeline.Outcome;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The cutover sync's own state: its phase, kept across restarts and shared by the replicas of one state store, and
 * what its cycles did together (the outcomes of every sync cycle).
 */
@Singleton
public class SyncState {

    private static final String LEGACY_TO_TARGET = "legacy-to-target";
    private static final String TARGET_TO_LEGACY = "target-to-legacy";

    private final DataSource dataSource;

    SyncState(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The phase of the legacy → target sync; empty before anyone set one. */
    public Optional<String> phase() {
        return phaseOf(LEGACY_TO_TARGET);
    }

    public void phase(String phase) {
        setPhase(LEGACY_TO_TARGET, phase);
    }

    /** Whether the reverse sync (target → legacy) was switched on or off over the controls; empty before that. */
    public Optional<String> reversePhase() {
        return phaseOf(TARGET_TO_LEGACY);
    }

    public void reversePhase(String phase) {
        setPhase(TARGET_TO_LEGACY, phase);
    }

    private Optional<String> phaseOf(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select phase from sync_state where name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the phase of " + name, e);
        }
    }

    private void setPhase(String name, String phase) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement merge = connection.prepareStatement("""
                        merge into sync_state as s
                        using (values (cast(? as varchar(40)), cast(? as varchar(20)), cast(? as timestamp)))
                              as v(name, phase, changed_at)
                        on s.name = v.name
                        when matched then update set phase = v.phase, changed_at = v.changed_at
                        when not matched then insert (name, phase, changed_at) values (v.name, v.phase, v.changed_at)
                        """)) {
            merge.setString(1, name);
            merge.setString(2, phase);
            merge.setTimestamp(3, Timestamp.from(Instant.now()));
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot set the phase of " + name + " to " + phase, e);
        }
    }

    /** Per object, the outcomes of every sync cycle so far. */
    public Map<String, Map<Outcome, Long>> outcomes() {
        Map<String, Map<Outcome, Long>> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select o.object_name, o.outcome, count(*) from outcome o join run r on r.id = o.run_id
                        where r.mode = ? group by o.object_name, o.outcome order by o.object_name
                        """)) {
            select.setString(1, SyncQueue.SYNC_RUN);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.computeIfAbsent(row.getString(1), object -> new LinkedHashMap<>())
                            .put(Outcome.valueOf(row.getString(2).toUpperCase(java.util.Locale.ROOT)), row.getLong(3));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot count the sync's outcomes", e);
        }
    }
}
