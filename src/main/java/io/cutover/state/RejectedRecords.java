package io.cutover.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The records a run rejected, with their source columns and why: what the rejects files are written from. One
 * streamed query per object, never a query per record.
 */
@ApplicationScoped
public class RejectedRecords {

    private static final String REJECTS = """
            select source_values, message, reason_code, source_ref from outcome
            where run_id = ? and object_name = ? and outcome = 'rejected' order by record_no
            """;
    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;

    RejectedRecords(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One rejected record: its source columns as JSON (null if the ledger did not keep them) and the reason. */
    public record Rejected(String sourceValues, String message, String reasonCode, String sourceRef) {}

    /** Takes the rows one at a time; may write them out, hence the checked exception. */
    public interface Consumer {
        void accept(Rejected rejected) throws IOException;
    }

    /** The objects of the run with at least one rejected record. */
    public List<String> objects(String runId) {
        List<String> objects = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select distinct object_name from outcome where run_id = ? and outcome = 'rejected' order by object_name")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    objects.add(row.getString(1));
                }
            }
            return objects;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot list the objects with rejects in run " + runId, e);
        }
    }

    /** The rejected records of the object, in the order they were read. */
    public void forEach(String runId, String object, Consumer consumer) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams a result set with a cursor only inside a transaction
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(REJECTS)) {
                select.setFetchSize(FETCH_SIZE);
                select.setString(1, runId);
                select.setString(2, object);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        consumer.accept(new Rejected(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the rejects of " + object + " in run " + runId, e);
        }
    }
}
