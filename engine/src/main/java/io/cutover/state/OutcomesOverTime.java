package io.cutover.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * When a run's records got their outcome, counted per interval: the run's throughput over time, read from the time
 * the ledger records each outcome at (so a resumed run, and a run long finished, have theirs too).
 */
@ApplicationScoped
public class OutcomesOverTime {

    private final DataSource dataSource;

    OutcomesOverTime(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The records that got their outcome in the interval starting at {@code start}. */
    public record Interval(Instant start, long records) {}

    /**
     * The run's outcomes (not those still pending) per interval of {@code width}, from the first outcome's interval,
     * intervals without any left out: one grouped query. The database's epoch of a timestamp is taken relative to the
     * first outcome's, so that its reading of time zones cancels out.
     */
    public List<Interval> of(String runId, Duration width) {
        long seconds = Math.max(1, width.toSeconds());
        try (Connection connection = dataSource.getConnection()) {
            Instant first;
            double firstEpoch;
            try (PreparedStatement select = connection.prepareStatement("""
                    select min(recorded_at), min(extract(epoch from recorded_at)) from outcome
                    where run_id = ? and outcome <> 'pending'
                    """)) {
                select.setString(1, runId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    if (row.getTimestamp(1) == null) {
                        return List.of();
                    }
                    first = row.getTimestamp(1).toInstant();
                    firstEpoch = row.getDouble(2);
                }
            }
            List<Interval> intervals = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select slot, count(*) from (
                        select floor((extract(epoch from recorded_at) - ?) / ?) as slot from outcome
                        where run_id = ? and outcome <> 'pending'
                    ) as outcomes group by slot order by slot
                    """)) {
                select.setDouble(1, firstEpoch);
                select.setLong(2, seconds);
                select.setString(3, runId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        intervals.add(new Interval(first.plusSeconds(row.getLong(1) * seconds), row.getLong(2)));
                    }
                }
            }
            return intervals;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the outcomes over time of run " + runId, e);
        }
    }
}
