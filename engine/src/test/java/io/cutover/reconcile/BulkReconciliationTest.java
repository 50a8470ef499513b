package io.cutover.reconcile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.SampleExport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
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
 * Above the bulk threshold the target is read back through a Bulk API 2.0 query job: the 150 contacts in three calls
 * (create, status, one page of results) where the REST query would take its own, the 50 accounts below it through the
 * REST query; and the same differences as ReconciliationTest are found.
 */
@QuarkusTest
@TestProfile(BulkReconciliationTest.ContactsInBulk.class)
class BulkReconciliationTest {

    public static class ContactsInBulk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.reconcile.after-run", "true", "cutover.reconcile.bulk-threshold", "100",
                    "cutover.load.bulk-poll-first", "10ms");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SampleExport.class));
        }
    }

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    @Test
    void contactsAreReadThroughABulkQueryJobAndTheSameDifferencesAreFound() throws Exception {
        given().post("/sandbox/admin/reset").then().statusCode(200);
        RunReport run = launcher.runNow();
        assertThat(run.status()).isEqualTo("completed");
        JsonNode proof = reconciliation(run);
        assertThat(proof.get("agreed").asBoolean()).isTrue();
        assertThat(proof.at("/objects/Contact/readThrough").asText()).isEqualTo("bulk2Query");
        assertThat(proof.at("/objects/Contact/fieldsCompared").asLong()).isEqualTo(150);
        assertThat(proof.at("/objects/Account/readThrough").asText()).isEqualTo("query");

        List<String> expected = TargetEdits.make(camel);
        RunReport next = launcher.runNow();

        Map<String, Long> contactCalls = next.apiCalls().get("Contact");
        assertThat(contactCalls).containsEntry("bulk2CreateQueryJob", 1L).containsEntry("bulk2GetQueryJob", 1L)
                .containsEntry("bulk2GetQueryJobResults", 1L)
                .as("the COUNT() only").containsEntry("query", 1L).doesNotContainKey("queryMore");
        assertThat(next.apiCalls().get("Account")).as("the COUNT() and one page of records").containsEntry("query", 2L)
                .doesNotContainKey("bulk2CreateQueryJob");
        Path runFolder = dataDir.resolve("runs").resolve(next.runId());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(runFolder.resolve("reconciliation/Contact.csv"))).getRecords();
        assertThat(rows).extracting(row -> row.get("legacy_id") + " " + row.get("target_id") + " " + row.get("problem")
                        + " " + row.get("field") + " " + row.get("expected") + " | " + row.get("found"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(reconciliation(next).at("/objects/Contact/orphans").asInt()).isEqualTo(1);
    }

    private JsonNode reconciliation(RunReport run) throws Exception {
        return new ObjectMapper().readTree(dataDir.resolve("runs").resolve(run.runId()).resolve("reconciliation.json").toFile());
    }
}
