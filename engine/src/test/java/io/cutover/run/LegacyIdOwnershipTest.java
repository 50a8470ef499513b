package io.cutover.run;

import io.cutover.state.StateStore;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Which row owns a legacy id depends on the export alone: the first row in export order, in every run, whatever
 * becomes of it. Rows after it with the same legacy id, compared as the target's external id field compares (Salesforce:
 * without regard to case), are rejected as duplicates naming its line, even while the first row itself fails
 * validation, so that fixing it later never hands its record to another person's data.
 */
@QuarkusTest
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class LegacyIdOwnershipTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    @StateStore
    DataSource state;

    @Test
    void theFirstRowOwnsItsLegacyIdInEveryRun() throws IOException, SQLException {
        // the first ContactRef7 lacks its last name (required); a different person comes later under the same id, and
        // another under ContactRef8's id written in lower case
        ExportEdits.replaceInRow("contacts.csv", "ContactRef7", "ContactRef7,Hounsom,", "ContactRef7,,");
        ExportEdits.appendRows("contacts.csv", "ContactRef7,Impostor,Ivan,ivan@example.com,AccountRef1,Buyer,5550100",
                "contactref8,Lowercase,Lena,lena@example.com,AccountRef2,Buyer,5550101");

        RunReport first = launcher.runNow();
        assertThat(outcome(first.runId(), 151)).isEqualTo("DUPLICATE_LEGACY_ID: contacts.csv line 152 (record 151): "
                + "Contact ContactRef7: the same legacy id was already read at contacts.csv line 8 (record 7)");
        assertThat(outcome(first.runId(), 152)).startsWith("DUPLICATE_LEGACY_ID: contacts.csv line 153 (record 152): "
                + "Contact contactref8: the same legacy id was already read at contacts.csv line 9 (record 8)");
        assertThat(contacts("ContactRef7")).as("nobody owns it while its first row is rejected").isEmpty();
        assertThat(lastNames("ContactRef8")).containsExactly("Oxborough");

        // the first row fixed: it is loaded, and the later one is still the duplicate
        java.nio.file.Path export = SampleExport.exportDir.resolve("contacts.csv");
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(export));
        assertThat(lines.get(7)).startsWith("ContactRef7,,");
        lines.set(7, lines.get(7).replace("ContactRef7,,", "ContactRef7,Hounsom,"));
        java.nio.file.Files.write(export, lines);
        RunReport second = launcher.runNow();
        assertThat(second.objects().get("Contact").loaded()).isEqualTo(1);
        assertThat(outcome(second.runId(), 151)).startsWith("DUPLICATE_LEGACY_ID");
        assertThat(lastNames("ContactRef7")).containsExactly("Hounsom");
        assertThat(lastNames("ContactRef8")).containsExactly("Oxborough");
    }

    private JsonNode contacts(String legacyId) {
        return new SandboxQueries(camel).query("SELECT LastName FROM Contact WHERE Legacy_Id__c = '" + legacyId + "'")
                .get("records");
    }

    private java.util.List<String> lastNames(String legacyId) {
        java.util.List<String> names = new java.util.ArrayList<>();
        contacts(legacyId).forEach(record -> names.add(record.get("LastName").asText()));
        return names;
    }

    /** The record's reason code and message. */
    private String outcome(String runId, long recordNo) throws SQLException {
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select reason_code, message from outcome where run_id = ? and object_name = 'Contact' and record_no = ?")) {
            select.setString(1, runId);
            select.setLong(2, recordNo);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1) + ": " + row.getString(2);
            }
        }
    }
}
