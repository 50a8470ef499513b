package io.cutover.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The records of an object that a run did not read although the target holds them: after a complete read of an
 * authoritative export, the records the legacy CRM deleted. Set-based: two queries an object, whatever its size.
 */
@ApplicationScoped
public class Absences {

    private static final String NOT_READ = """
            from ledger l
            where l.object_name = ? and l.target_id is not null
              and not exists (select 1 from outcome o
                              where o.run_id = ? and o.object_name = l.object_name and o.legacy_id = l.legacy_id)
            """;

    /** How many of the object's records the target holds, and how many of those the run did not read. */
    public record Count(long inTarget, long notRead) {}

    private final DataSource dataSource;

    Absences(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Count count(String runId, String object) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select (select count(*) from ledger "
                        + "where object_name = ? and target_id is not null), (select count(*) " + NOT_READ + ")")) {
            select.setString(1, object);
            select.setString(2, object);
            select.setString(3, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Count(row.getLong(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot count the " + object + " records run " + runId + " did not read", e);
        }
    }

    /** How many records of the object the run staged numbered after the given one: the absent ones, after the read. */
    public long stagedAfter(String runId, String object, long recordNumber) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select count(*) from outcome where run_id = ? and object_name = ? and record_no > ?")) {
            select.setString(1, runId);
            select.setString(2, object);
            select.setLong(3, recordNumber);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot count the " + object + " records of run " + runId, e);
        }
    }

    /** The legacy ids of the object's records in the target that the run did not read, in legacy id order. */
    public List<String> legacyIds(String runId, String object) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select l.legacy_id " + NOT_READ + " order by l.legacy_id")) {
            select.setString(1, object);
            select.setString(2, runId);
            List<String> legacyIds = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    legacyIds.add(row.getString(1));
                }
            }
            return legacyIds;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the " + object + " records run " + runId + " did not read", e);
        }
    }
}
