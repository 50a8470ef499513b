package io.cutover.run;

import io.cutover.state.StateStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The sample migration read from the legacy CRM simulator's REST API instead of the CSV files: the target holds the
 * same records as after the CSV run ({@link MigrationTest}), checked against the CSV files themselves.
 */
@QuarkusTest
@QuarkusTestResource(value = LegacyCrmExport.class, restrictToAnnotatedClass = true)
class RestMigrationTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    @StateStore
    DataSource state;

    @Test
    void theSampleMigrationFromRestLandsTheSameRecordsAsFromCsv() throws IOException, SQLException {
        RunReport report = launcher.runNow();

        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 50, 0, 0, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 150, 0, 0, 0, 0, 0, 0));

        SandboxQueries target = new SandboxQueries(camel);
        Map<String, String> accountIds = target.byLegacyId("Account", "Id");
        Map<String, String> accountNames = target.byLegacyId("Account", "Name");
        Map<String, String> websites = target.byLegacyId("Account", "Website");
        assertThat(accountIds).hasSize(50);
        for (CSVRecord account : exportRows("accounts.csv")) {
            assertThat(accountNames.get(account.get("account_id"))).isEqualTo(account.get("name"));
            assertThat(websites.get(account.get("account_id"))).isEqualTo(account.get("website"));
        }
        Map<String, String> contactAccounts = target.byLegacyId("Contact", "AccountId");
        Map<String, String> emails = target.byLegacyId("Contact", "Email");
        Map<String, String> titles = target.byLegacyId("Contact", "Title");
        assertThat(contactAccounts).hasSize(150);
        for (CSVRecord contact : exportRows("contacts.csv")) {
            String id = contact.get("contact_id");
            assertThat(accountIds.get(contact.get("account_id"))).as("account of %s", id).isNotNull();
            assertThat(contactAccounts.get(id)).as("AccountId of %s", id).isEqualTo(accountIds.get(contact.get("account_id")));
            assertThat(emails.get(id)).isEqualTo(contact.get("email"));
            assertThat(titles.get(id)).isEqualTo(contact.get("title"));
        }
        assertThat(sourceRef(report.runId(), "ContactRef150"))
                .isEqualTo("http://localhost:" + LegacyCrmExport.PORT + "/legacy-crm/api/contacts?per_page=40&page=4 "
                        + "page 4 position 30 (record 150)");
    }

    private String sourceRef(String runId, String legacyId) throws SQLException {
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select source_ref from outcome where run_id = ? and legacy_id = ?")) {
            select.setString(1, runId);
            select.setString(2, legacyId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static List<CSVRecord> exportRows(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(SampleExport.exportDir.resolve(file));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }
}
