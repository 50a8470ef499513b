package io.cutover.state;

import io.cutover.pipeline.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;
import javax.sql.DataSource;

/** Runs and what their outcomes add up to: the job repository. */
@ApplicationScoped
public class RunRepository {

    private final DataSource dataSource;

    RunRepository(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a run's start, and when the legacy export it reads was taken (null: not given). */
    public void start(String runId, String mode, Instant startedAt, LocalDate exportDate) {
        update("insert into run (id, mode, status, started_at, export_date) values (?, ?, 'running', ?, ?)",
                runId, mode, Timestamp.from(startedAt), exportDate == null ? null : Date.valueOf(exportDate));
    }

    /** When the legacy export the run read was taken, as its start recorded it. */
    public Optional<LocalDate> exportDate(String runId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select export_date from run where id = ?")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getDate(1) != null ? Optional.of(row.getDate(1).toLocalDate()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the run table", e);
        }
    }

    /** The latest run that did not end: it was stopped on request, or its process was killed. */
    public Optional<Interrupted> findInterrupted() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id, mode, started_at from run where status in ('running', 'stopped') and mode <> 'rollback' order by started_at desc")) {
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Interrupted(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the run table", e);
        }
    }

    public record Interrupted(String runId, String mode, Instant startedAt) {}

    /** One row of the run table. */
    public record RunRow(String id, String kind, String status, Instant startedAt, Instant endedAt) {}

    /** The runs, the latest first. */
    public List<RunRow> list() {
        return runs("select id, mode, status, started_at, ended_at from run order by started_at desc", null);
    }

    public Optional<RunRow> find(String runId) {
        return runs("select id, mode, status, started_at, ended_at from run where id = ?", runId).stream().findFirst();
    }

    private List<RunRow> runs(String query, String runId) {
        List<RunRow> runs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(query)) {
            if (runId != null) {
                select.setString(1, runId);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Timestamp ended = row.getTimestamp(5);
                    runs.add(new RunRow(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant(),
                            ended == null ? null : ended.toInstant()));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the run table", e);
        }
    }

    /** Whether the run read the object's whole export already. */
    public boolean wasRead(String runId, String object) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select 1 from run_object where run_id = ? and object_name = ?")) {
            select.setString(1, runId);
            select.setString(2, object);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the run_object table", e);
        }
    }

    /**
     * The highest record number of the object the run staged so far; 0 for none. Staging commits whole chunks in the
     * export's order, so every record up to it has its outcome: an attempt that resumes the run reads past them.
     */
    public long lastRecordStaged(String runId, String object) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select max(record_no) from outcome where run_id = ? and object_name = ?")) {
            select.setString(1, runId);
            select.setString(2, object);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the outcome table", e);
        }
    }

    /**
     * Forgets a sync cycle that read nothing: polling every second would otherwise leave a run a second behind it.
     * Returns whether it did (a cycle with an outcome is kept).
     */
    public boolean forgetIfEmpty(String runId) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement outcomes = connection.prepareStatement("select 1 from outcome where run_id = ? fetch first 1 rows only")) {
                outcomes.setString(1, runId);
                try (ResultSet row = outcomes.executeQuery()) {
                    if (row.next()) {
                        connection.rollback();
                        return false;
                    }
                }
                for (String delete : List.of("delete from run_object where run_id = ?", "delete from api_call where run_id = ?",
                        "delete from run where id = ?")) {
                    try (PreparedStatement statement = connection.prepareStatement(delete)) {
                        statement.setString(1, runId);
                        statement.executeUpdate();
                    }
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot forget the empty sync cycle " + runId, e);
        }
    }

    /** One record's warnings (one a line), as its outcome keeps them. */
    public record Warned(String object, String legacyId, String outcome, String warnings) {}

    /** Every record of the run with warnings, object by object, in the order they were read, one row at a time. */
    public void forEachWarned(String runId, Consumer<Warned> consumer) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select object_name, legacy_id, outcome, warnings from outcome
                        where run_id = ? and warnings is not null order by object_name, record_no
                        """)) {
            select.setFetchSize(1000);
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    consumer.accept(new Warned(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the warnings of run " + runId, e);
        }
    }

    /** A run that did not end is running again. */
    public void resume(String runId) {
        update("update run set status = 'running', ended_at = null where id = ?", runId);
    }

    /**
     * Ends the run. Which records it sent without a target id ({@link SentWithoutTarget}) matters only to an attempt
     * that resumes it: a run that ended otherwise than stopped forgets them, or the table would keep a row for every
     * record every run ever created.
     */
    public void end(String runId, String status, Instant endedAt) {
        update("update run set status = ?, ended_at = ? where id = ?", status, Timestamp.from(endedAt), runId);
        if (!"stopped".equals(status)) {
            update("delete from sent_without_target where run_id = ?", runId);
        }
    }

    public void recordRead(String runId, String object, long records) {
        update("insert into run_object (run_id, object_name, records_read, read_at) values (?, ?, ?, ?)",
                runId, object, records, Timestamp.from(Instant.now()));
    }

    /** Records read per object, in the order the run read them. */
    public Map<String, Long> recordsRead(String runId) {
        Map<String, Long> read = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select object_name, records_read from run_object where run_id = ? order by read_at, object_name")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    read.put(row.getString(1), row.getLong(2));
                }
            }
            return read;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the record counts of run " + runId, e);
        }
    }

    /** Outcome counts per object, objects in the order the run first recorded them. */
    public Map<String, Map<Outcome, Long>> outcomeCounts(String runId) {
        String query = """
                select object_name, outcome, count(*), min(recorded_at) from outcome where run_id = ?
                group by object_name, outcome order by 4, 1
                """;
        Map<String, Map<Outcome, Long>> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.computeIfAbsent(row.getString(1), object -> new EnumMap<>(Outcome.class))
                            .put(Outcome.valueOf(row.getString(2).toUpperCase(Locale.ROOT)), row.getLong(3));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot count the outcomes of run " + runId, e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StateStoreException("Cannot update the run table", e);
        }
    }
}
