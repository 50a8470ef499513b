package io.cutover.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.SandboxQueries;
import io.cutover.state.Watermarks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Two REST sources of one object read in one run (two legacy CRMs' contacts, {@link TwoLegacyCrms}): each record under
 * its source's namespace, with its source's constant column; each source's changes read since its own watermark.
 */
@QuarkusTest
@QuarkusTestResource(value = TwoLegacyCrms.class, restrictToAnnotatedClass = true)
class SeveralRestSourcesTest {

    private static final String API = "/legacy-crm/api";

    @Inject
    MigrationLauncher launcher;
    @Inject
    Watermarks watermarks;
    @Inject
    ProducerTemplate camel;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    /**
     * One story, step by step (the first run, then each source's changes): each step works on what the one before left
     * in the target and the ledger.
     */
    @Test
    void twoRestSourcesAreLoadedThenReadFromTheirOwnWatermarks() throws Exception {
        bothSourcesRecordsAreLoadedUnderTheirNamespacedIdsWithTheirOwnValues();
        eachSourceReadsTheChangesSinceItsOwnWatermark();
    }

    private void bothSourcesRecordsAreLoadedUnderTheirNamespacedIdsWithTheirOwnValues() throws IOException {
        RunReport report = launcher.runNow();

        assertThat(report.status()).isEqualTo("completed");
        // 150 European contacts, then the 15 American ones whose ids end in 5
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(165, 165, 0, 0, 0, 0, 0, 0));
        Map<String, String> lastNames = new SandboxQueries(camel).byLegacyId("Contact", "LastName");
        assertThat(lastNames).hasSize(165).containsKeys("eu:ContactRef1", "eu:ContactRef5", "us:ContactRef5",
                "us:ContactRef145").doesNotContainKeys("ContactRef5", "us:ContactRef1");
        assertThat(lastNames.get("us:ContactRef5")).isEqualTo(lastNames.get("eu:ContactRef5"));
        Map<String, String> accountIds = new SandboxQueries(camel).byLegacyId("Account", "Id");
        assertThat(new SandboxQueries(camel).byLegacyId("Contact", "AccountId").get("us:ContactRef5"))
                .as("a parent from a system without a source name keeps its id as it is").isNotNull()
                .isIn(accountIds.values());

        List<CSVRecord> loaded = read(dataDir.resolve("runs").resolve(report.runId()).resolve("success")
                .resolve("Contact.csv"));
        assertThat(loaded).filteredOn(row -> row.get("contact_id").equals("ContactRef5"))
                .extracting(row -> row.get(SourceRecord.SOURCE_NAME_COLUMN) + " " + row.get("region"))
                .containsExactlyInAnyOrder("eu Europe", "us Americas");
        // the simulator's contacts were updated a minute apart from 2024-01-01T00:00:00Z: ContactRef150, ContactRef145
        assertThat(watermarks.get("source/Contact/eu")).contains("2024-01-01T02:29:00Z");
        assertThat(watermarks.get("source/Contact/us")).contains("2024-01-01T02:24:00Z");
        assertThat(watermarks.get("source/Contact")).isEmpty();
    }

    private void eachSourceReadsTheChangesSinceItsOwnWatermark() {
        String bothSystems = edit("ContactRef25", "Buyer");
        String europeOnly = edit("ContactRef7", "Head of Sales");

        RunReport report = launcher.runNow();

        // eu: its last record again (at its watermark), ContactRef25 and ContactRef7; us: ContactRef145 again, ContactRef25
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(5, 0, 3, 2, 0, 0, 0, 0));
        Map<String, String> titles = new SandboxQueries(camel).byLegacyId("Contact", "Title");
        assertThat(titles).containsEntry("eu:ContactRef25", "Buyer").containsEntry("us:ContactRef25", "Buyer")
                .containsEntry("eu:ContactRef7", "Head of Sales");
        assertThat(watermarks.get("source/Contact/eu")).contains(europeOnly);
        assertThat(watermarks.get("source/Contact/us")).contains(bothSystems);
    }

    /** Someone changes the contact's title in the legacy CRM; returns the change's time. */
    private static String edit(String contactId, String title) {
        return given().auth().oauth2("legacy-crm-token").contentType(ContentType.JSON).body(Map.of("title", title))
                .patch(API + "/contacts/" + contactId).then().statusCode(200).extract().path("updated_at");
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
