package io.cutover.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A statement for a chunk of records at once: {@code merge into … using (values (…), (…), …) as v(…) …}, one row of
 * values per record, instead of one statement per record in a JDBC batch (which H2 runs as that many statements). The
 * rows are set as a batch's parameters are, then executed in statements of at most {@link #rowsPerStatement} rows, so
 * that no statement passes the drivers' limits on parameters (PostgreSQL: 32,767). A MERGE may not touch a row twice:
 * a row whose key is already in the statement being built starts the next one, so rows apply in the order added.
 */
final class MultiRowStatement {

    private static final int MOST_PARAMETERS = 20_000;

    /**
     * The statement's text around its list of values.
     *
     * @param head the statement up to its {@code values} list ({@code merge into … using (values })
     * @param row one row of values with its parameters ({@code (cast(? as varchar(80)), …)})
     * @param tail the rest ({@code ) as v(…) on … when …})
     * @param key the parameters (1-based, within a row) that the statement's {@code on} matches rows by
     */
    record Sql(String head, String row, String tail, int... key) {
        MultiRowStatement statement() {
            return new MultiRowStatement(this);
        }
    }

    private final String head;
    private final String row;
    private final String tail;
    private final int[] key;
    private final int columns;
    private final int rowsPerStatement;
    private final List<Object[]> rows = new ArrayList<>();
    private Object[] current;

    private MultiRowStatement(Sql sql) {
        this.head = sql.head();
        this.row = sql.row();
        this.tail = sql.tail();
        this.key = sql.key();
        this.columns = (int) row.chars().filter(c -> c == '?').count();
        this.rowsPerStatement = Math.max(1, Math.min(KeyLists.MOST_KEYS, MOST_PARAMETERS / columns));
    }

    void setString(int index, String value) {
        set(index, value);
    }

    void setLong(int index, long value) {
        set(index, value);
    }

    void setBoolean(int index, boolean value) {
        set(index, value);
    }

    void setTimestamp(int index, Timestamp value) {
        set(index, value);
    }

    private void set(int index, Object value) {
        if (current == null) {
            current = new Object[columns];
        }
        current[index - 1] = value;
    }

    void addBatch() {
        rows.add(current == null ? new Object[columns] : current);
        current = null;
    }

    /** Runs the rows added, as few statements as the limits allow; the rows are then gone. */
    void executeBatch(Connection connection) throws SQLException {
        List<Object[]> statementRows = new ArrayList<>();
        Set<List<Object>> keys = new HashSet<>();
        for (Object[] values : rows) {
            List<Object> rowKey = new ArrayList<>(key.length);
            for (int parameter : key) {
                rowKey.add(values[parameter - 1]);
            }
            if (statementRows.size() == rowsPerStatement || !keys.add(rowKey)) {
                execute(connection, statementRows);
                statementRows.clear();
                keys.clear();
                keys.add(rowKey);
            }
            statementRows.add(values);
        }
        execute(connection, statementRows);
        rows.clear();
    }

    private void execute(Connection connection, List<Object[]> statementRows) throws SQLException {
        if (statementRows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                head + String.join(", ", Collections.nCopies(statementRows.size(), row)) + tail)) {
            int parameter = 1;
            for (Object[] values : statementRows) {
                for (Object value : values) {
                    if (value == null) {
                        statement.setNull(parameter++, Types.VARCHAR);
                    } else {
                        statement.setObject(parameter++, value);
                    }
                }
            }
            statement.executeUpdate();
        }
    }
}
