package io.cutover.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.run.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A chunk's rows in multi-row MERGE statements give what one statement per row would, on H2 and on PostgreSQL: rows
 * beyond one statement's share, and a key that comes twice in a chunk (the second applies after the first).
 */
class MultiRowStatementTest {

    private static final MultiRowStatement.Sql MERGE = new MultiRowStatement.Sql(
            "merge into item as i using (values ",
            "(cast(? as varchar(20)), cast(? as varchar(20)), cast(? as bigint))",
            """
            ) as v(id, label, quantity)
            on i.id = v.id
            when matched then update set label = coalesce(v.label, i.label), quantity = i.quantity + v.quantity
            when not matched then insert (id, label, quantity) values (v.id, v.label, v.quantity)
            """, 1);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void rowsApplyInTheOrderAddedWhateverTheirNumber(String database) throws SQLException {
        try (Connection connection = connect(database)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table item (id varchar(20) primary key, label varchar(20), quantity bigint)");
            }
            MultiRowStatement merge = MERGE.statement();
            for (int i = 0; i < 15_000; i++) {
                merge.setString(1, "item-" + i);
                merge.setString(2, "label " + i);
                merge.setLong(3, 1);
                merge.addBatch();
            }
            // the same key again: its label kept (null does not replace it), its quantity added to, twice
            for (int again = 0; again < 2; again++) {
                merge.setString(1, "item-7");
                merge.setLong(3, 10);
                merge.addBatch();
            }
            merge.executeBatch(connection);
            merge.executeBatch(connection);

            Map<String, Object> item7 = new LinkedHashMap<>();
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("select count(*), sum(quantity) from item")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(15_000);
                assertThat(rows.getLong(2)).isEqualTo(15_000 + 20);
            }
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("select label, quantity from item where id = 'item-7'")) {
                rows.next();
                item7.put("label", rows.getString(1));
                item7.put("quantity", rows.getLong(2));
            }
            assertThat(item7).containsEntry("label", "label 7").containsEntry("quantity", 21L);
        }
    }

    private static Connection connect(String database) throws SQLException {
        if (database.equals("h2")) {
            return DriverManager.getConnection("jdbc:h2:mem:multirow-" + System.nanoTime());
        }
        return DriverManager.getConnection(LocalPostgres.freshDatabase("multirow"), LocalPostgres.USER, "");
    }
}
