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
 * The records a run created or updated in the target, with their source columns and target id: what the success
 * files (Data Loader's crosswalk) are written from. One streamed query per object, never a query per record.
 */
@ApplicationScoped
public class LoadedRecords {

    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;

    LoadedRecords(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One loaded record: its source columns as JSON (null if the ledger did not keep them) and its target id. */
    public record Loaded(String sourceValues, String targetId, boolean created) {}

    /** Takes the rows one at a time; may write them out, hence the checked exception. */
    public interface Consumer {
        void accept(Loaded loaded) throws IOException;
    }

    /** The objects of the run with at least one record created or updated. */
    public List<String> objects(String runId) {
        List<String> objects = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select distinct object_name from outcome
                        where run_id = ? and outcome in ('loaded', 'updated') order by object_name
                        """)) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    objects.add(row.getString(1));
                }
            }
            return objects;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot list the loaded objects of run " + runId, e);
        }
    }

    /** The object's created and updated records in the order they were read, streamed. */
    public void forEach(String runId, String object, Consumer consumer) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams a result set with a cursor only inside a transaction
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("""
                    select source_values, target_id, outcome from outcome
                    where run_id = ? and object_name = ? and outcome in ('loaded', 'updated') order by record_no
                    """)) {
                select.setFetchSize(FETCH_SIZE);
                select.setString(1, runId);
                select.setString(2, object);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        consumer.accept(new Loaded(row.getString(1), row.getString(2), "loaded".equals(row.getString(3))));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the loaded records of " + object + " in run " + runId, e);
        }
    }
}
