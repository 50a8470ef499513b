package io.cutover.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs started, watched, stopped and resumed over HTTP, as an operator or a pipeline drives a container. */
@QuarkusTest
@TestProfile(RunControlTest.SmallBatches.class)
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class RunControlTest {

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.load.batch-size", "10", "cutover.load.parallelism", "1");
        }
    }

    @AfterEach
    void noFaults() {
        given().contentType(ContentType.JSON).body(Map.of()).put("/sandbox/admin/faults").then().statusCode(200);
    }

    @Test
    void theEndpointsNeedTheControlToken() {
        given().get("/runs").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(Map.of()).post("/runs").then().statusCode(401);
        control().get("/runs").then().statusCode(200);
    }

    @Test
    void aRunStartedOverHttpCanBeStoppedAndIsResumedByTheNextStart() throws InterruptedException {
        // slow enough that the stop lands while accounts are being loaded, 10 a call
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", 300)).put("/sandbox/admin/faults").then().statusCode(200);
        String runId = control().contentType(ContentType.JSON).body(Map.of("kind", "full")).post("/runs")
                .then().statusCode(202).extract().path("runId");
        control().contentType(ContentType.JSON).body(Map.of()).post("/runs").then().statusCode(409);

        control().post("/runs/current/stop").then().statusCode(202).body("runId", equalTo(runId));
        JsonPath stopped = awaitEnd(runId);
        assertThat(stopped.getString("status")).isEqualTo("stopped");
        long loadedBeforeStop = stopped.getLong("objects.Account.loaded");
        assertThat(loadedBeforeStop).isLessThan(50);
        control().get("/runs").then().statusCode(200).body("id", hasItem(runId));

        given().contentType(ContentType.JSON).body(Map.of()).put("/sandbox/admin/faults").then().statusCode(200);
        String resumed = control().contentType(ContentType.JSON).body(Map.of()).post("/runs")
                .then().statusCode(202).extract().path("runId");
        assertThat(resumed).isEqualTo(runId);
        JsonPath completed = awaitEnd(runId);
        assertThat(completed.getString("status")).isEqualTo("completed");
        assertThat(completed.getLong("objects.Account.loaded")).isEqualTo(50);
        assertThat(completed.getLong("objects.Contact.loaded")).isEqualTo(150);
    }

    /** The run's view once it no longer runs (shared by the tests that start runs over HTTP). */
    static JsonPath awaitEnd(String runId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonPath run = control().get("/runs/" + runId).then().statusCode(200).extract().jsonPath();
            if (!"running".equals(run.getString("status"))) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Run " + runId + " did not end");
    }

    static RequestSpecification control() {
        return given().header("Authorization", "Bearer control-token-for-tests");
    }
}
