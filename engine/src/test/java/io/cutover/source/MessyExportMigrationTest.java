package io.cutover.source;

import io.cutover.state.StateStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A UTF-16 export with broken rows through the whole route: the broken rows reach the ledger, the others load. */
@QuarkusTest
@QuarkusTestResource(value = MessyExport.class, restrictToAnnotatedClass = true)
class MessyExportMigrationTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    @StateStore
    DataSource state;

    @Test
    void unreadableRowsAreRejectedWithFileLineAndReasonAndTheOthersLoad() throws SQLException {
        RunReport report = launcher.runNow();

        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(152, 150, 0, 0, 2, 0, 0, 0));
        assertThat(rejects(report.runId())).containsExactlyInAnyOrder(
                "RAGGED_ROW contacts.csv line 152 (record 151): has 3 values, the header has 7 columns",
                "NULL_BYTE contacts.csv line 153 (record 152): column 'lastName' holds a null byte from its character 4");
    }

    private List<String> rejects(String runId) throws SQLException {
        List<String> rejects = new ArrayList<>();
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select reason_code, message from outcome where run_id = ? and outcome = 'rejected'")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rejects.add(row.getString(1) + " " + row.getString(2));
                }
            }
        }
        return rejects;
    }
}
