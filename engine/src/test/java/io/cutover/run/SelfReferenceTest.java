package io.cutover.run;

import io.cutover.state.StateStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** Accounts whose parent account is in the same export: a parent further down is set by the run's last pass. */
@QuarkusTest
@QuarkusTestResource(value = SelfReferencingExport.class, restrictToAnnotatedClass = true)
class SelfReferenceTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    @StateStore
    DataSource state;

    @Test
    void aFirstRunSetsTheParentsThatExistAndTheRerunOnlyRetriesTheMissingOne() throws SQLException {
        everyParentThatExistsIsSetAndTheOneThatDoesNotIsReported();
        theNextRunLeavesTheRecordsWithTheirParentUnchangedAndTriesTheMissingParentAgain();
    }

    private void everyParentThatExistsIsSetAndTheOneThatDoesNotIsReported() throws SQLException {
        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 50, 0, 0, 0, 0, 0, 0));
        SandboxQueries target = new SandboxQueries(camel);
        Map<String, String> ids = target.byLegacyId("Account", "Id");
        Map<String, String> parents = target.byLegacyId("Account", "ParentId");
        assertThat(parents.get("AccountRef1")).as("set by the last pass").isEqualTo(ids.get("AccountRef50"));
        assertThat(parents.get("AccountRef2")).as("set by the first load").isEqualTo(ids.get("AccountRef1"));
        assertThat(parents.get("AccountRef3")).isNull();
        assertThat(parents.values().stream().filter(id -> id != null)).hasSize(2);
        assertThat(warnings(report.runId(), "AccountRef3")).contains("ParentId not set", "AccountRef999");
    }

    private void theNextRunLeavesTheRecordsWithTheirParentUnchangedAndTriesTheMissingParentAgain() {
        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 0, 1, 49, 0, 0, 0, 0));
    }

    private String warnings(String runId, String legacyId) throws SQLException {
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select warnings from outcome where run_id = ? and object_name = 'Account' and legacy_id = ?")) {
            select.setString(1, runId);
            select.setString(2, legacyId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
