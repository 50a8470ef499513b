package io.cutover.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Whether the state store takes a write: a row written and rolled back, so that nothing is left behind. */
@ApplicationScoped
public class StateStoreProbe {

    private final DataSource dataSource;

    StateStoreProbe(@StateStore DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Why the state store takes no write; empty when it does. */
    public Optional<String> writeProblem() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into api_call (run_id, object_name, operation, calls) values ('readiness-probe', '', '', 0)")) {
                insert.executeUpdate();
            } finally {
                connection.rollback();
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }
}
