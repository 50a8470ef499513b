package io.cutover.reconcile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.SampleExport;
import io.cutover.run.SandboxQueries;
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
 * The proof read from the target: after a run, the target's count of migrated records equals the ledger's, object by
 * object; a record deleted in the target since the run, one created there with a legacy id the ledger does not
 * know, a field changed there and a contact whose account was emptied there (an orphan) are named on the next
 * reconciliation, each with its problem, and the run is not agreed.
 */
@QuarkusTest
@TestProfile(ReconciliationTest.AfterEachRun.class)
class ReconciliationTest {

    public static class AfterEachRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.reconcile.after-run", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SampleExport.class));
        }
    }

    @Inject
    MigrationLauncher launcher;
    @Inject
    Reconciliation reconciliation;
    @Inject
    ProducerTemplate camel;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    @Test
    void theTargetAgreesWithTheLedgerAfterARunAndDeletedForeignEditedAndOrphanedRecordsAreNamed() throws Exception {
        given().post("/sandbox/admin/reset").then().statusCode(200);
        RunReport run = launcher.runNow();
        assertThat(run.status()).isEqualTo("completed");
        JsonNode proof = new ObjectMapper().readTree(dataDir.resolve("runs").resolve(run.runId())
                .resolve("reconciliation.json").toFile());
        assertThat(proof.get("agreed").asBoolean()).isTrue();
        assertThat(proof.at("/objects/Account/ledger").asLong()).isEqualTo(50);
        assertThat(proof.at("/objects/Account/target").asLong()).isEqualTo(50);
        assertThat(proof.at("/objects/Contact/target").asLong()).isEqualTo(150);
        assertThat(reconciliation.agreedAfter(run.runId())).isTrue();

        // someone deletes a migrated contact in the target, creates one with a legacy id of their own, changes the
        // title of another and empties a fourth one's account
        List<String> expected = TargetEdits.make(camel);

        RunReport next = launcher.runNow();

        assertThat(next.objects().get("Contact").unchanged()).as("the ledger still holds the deleted one's content")
                .isEqualTo(150);
        assertThat(reconciliation.agreedAfter(next.runId())).isFalse();
        Path runFolder = dataDir.resolve("runs").resolve(next.runId());
        JsonNode disagreement = new ObjectMapper().readTree(runFolder.resolve("reconciliation.json").toFile());
        assertThat(disagreement.get("agreed").asBoolean()).isFalse();
        assertThat(disagreement.at("/objects/Account/agreed").asBoolean()).isTrue();
        assertThat(disagreement.at("/objects/Contact/differences").asInt()).isEqualTo(5);
        assertThat(disagreement.at("/objects/Contact/orphans").asInt()).isEqualTo(1);
        assertThat(disagreement.at("/objects/Account/orphans").asInt()).isZero();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(runFolder.resolve("reconciliation/Contact.csv"))).getRecords();
        assertThat(rows).extracting(row -> row.get("legacy_id") + " " + row.get("target_id") + " " + row.get("problem")
                        + " " + row.get("field") + " " + row.get("expected") + " | " + row.get("found"))
                .containsExactlyInAnyOrderElementsOf(expected);

        // on demand, while the application runs: the same differences, and only with the control token
        given().post("/reconcile").then().statusCode(401);
        io.restassured.path.json.JsonPath check = given().header("Authorization", "Bearer control-token-for-tests")
                .post("/reconcile").then().statusCode(200).extract().jsonPath();
        assertThat(check.getBoolean("agreed")).isFalse();
        assertThat(check.getBoolean("objects.Account.agreed")).isTrue();
        assertThat(check.getInt("objects.Contact.differences")).isEqualTo(5);
        assertThat(Path.of(check.getString("folder")).resolve("reconciliation/Contact.csv")).exists();
    }
}
