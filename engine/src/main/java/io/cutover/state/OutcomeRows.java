package io.cutover.state;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A run's outcome rows of some outcomes, as the files written from them read them (rejects, success files): the
 * objects that have any, and an object's rows streamed in the order they were read, one query per object.
 */
final class OutcomeRows {

    private static final int FETCH_SIZE = 500;

    /** Makes one value of the row the query selected. */
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Takes the values one at a time; may write them out, hence the checked exception. */
    interface RowConsumer<T> {
        void accept(T value) throws IOException;
    }

    private final DataSource dataSource;
    /** The outcomes, as an SQL list: {@code 'loaded', 'updated'}. */
    private final String outcomes;
    private final String what;

    OutcomeRows(DataSource dataSource, String outcomes, String what) {
        this.dataSource = dataSource;
        this.outcomes = outcomes;
        this.what = what;
    }

    List<String> objects(String runId) {
        List<String> objects = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select distinct object_name from outcome "
                        + "where run_id = ? and outcome in (" + outcomes + ") order by object_name")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    objects.add(row.getString(1));
                }
            }
            return objects;
        } catch (SQLException e) {
            throw new StateStoreException("Cannot list the objects with " + what + " in run " + runId, e);
        }
    }

    /** The object's rows of the columns given, in the order they were read. */
    <T> void forEach(String runId, String object, String columns, RowReader<T> reader, RowConsumer<T> consumer)
            throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams a result set with a cursor only inside a transaction
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("select " + columns + " from outcome "
                    + "where run_id = ? and object_name = ? and outcome in (" + outcomes + ") order by record_no")) {
                select.setFetchSize(FETCH_SIZE);
                select.setString(1, runId);
                select.setString(2, object);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        consumer.accept(reader.read(row));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StateStoreException("Cannot read the " + what + " of " + object + " in run " + runId, e);
        }
    }
}
