package io.cutover.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The target out in the middle of a run, for longer than every record's attempts would last (2 attempts, 50 ms apart):
 * the calls wait for it instead of failing, and the run completes with nothing rejected and every record in the target
 * once.
 */
@QuarkusTest
@TestProfile(TargetOutageTest.TwoAttempts.class)
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class TargetOutageTest {

    public static class TwoAttempts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.load.batch-size", "10", "cutover.load.parallelism", "2", "cutover.load.max-attempts", "2");
        }
    }

    @Inject
    ProducerTemplate camel;

    @AfterEach
    void noFaults() {
        faults(Map.of());
    }

    @Test
    void anOutageLongerThanTheRetriesPausesTheRunInsteadOfRejecting() throws InterruptedException {
        faults(Map.of("latencyMs", 100));
        String runId = RunControlTest.control().contentType(ContentType.JSON).body(Map.of("kind", "full")).post("/runs")
                .then().statusCode(202).extract().path("runId");
        // the contacts are loading when the target goes down: every call answers 503 for 3 seconds
        await("the contacts started loading").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> RunControlTest.control().get("/runs/" + runId).then().statusCode(200).extract().jsonPath(),
                        run -> run.get("progress.Contact.done") != null && run.getLong("progress.Contact.done") > 0);
        faults(Map.of("error503Rate", 1.0));
        await("paused, not failed nor done, while the target is out").during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> RunControlTest.control().get("/runs/" + runId).then().extract().jsonPath().getString("status"),
                        "running"::equals);
        faults(Map.of());

        JsonPath ended = RunControlTest.awaitEnd(runId);
        assertThat(ended.getString("status")).isEqualTo("completed");
        assertThat(ended.getLong("objects.Account.rejected") + ended.getLong("objects.Contact.rejected")).isZero();
        assertThat(ended.getLong("objects.Account.loaded")).isEqualTo(50);
        assertThat(ended.getLong("objects.Contact.loaded")).isEqualTo(150);
        var contacts = new SandboxQueries(camel).query("SELECT Legacy_Id__c FROM Contact").get("records");
        Set<String> once = new HashSet<>();
        contacts.forEach(contact -> assertThat(once.add(contact.get("Legacy_Id__c").asText())).isTrue());
        assertThat(once).hasSize(150);
    }

    private static void faults(Map<String, Object> faults) {
        given().contentType(ContentType.JSON).body(faults).put("/sandbox/admin/faults").then().statusCode(200);
    }
}
