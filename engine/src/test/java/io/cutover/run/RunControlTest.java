package io.cutover.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.cutover.testing.GenericCrmSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs started, watched, stopped and resumed over HTTP, as an operator or a pipeline drives a container: the control
 * API's token, its refusals as problem details, its OpenAPI document, a run's files downloaded.
 */
@QuarkusTest
@TestProfile(RunControlTest.SmallBatches.class)
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class RunControlTest {

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.load.batch-size", "10", "cutover.load.parallelism", "1");
        }

        /**
         * The generic CRM simulator, whose credentials the control token must leave alone; on for the profile's other
         * tests too, which then share this application instead of starting one of their own.
         */
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GenericCrmSimulator.class));
        }
    }

    @AfterEach
    void noFaults() {
        given().contentType(ContentType.JSON).body(Map.of()).put("/sandbox/admin/faults").then().statusCode(200);
    }

    @Test
    void theEndpointsNeedTheControlTokenAndSayWhyAsProblemDetails() {
        given().get("/runs").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:cutover:problem:unauthorized")).body("status", equalTo(401))
                .body("title", notNullValue()).body("detail", containsString("Bearer")).body("instance", equalTo("/runs"));
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(Map.of()).post("/runs")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("The bearer token is not the control token"));
        for (String path : new String[] {"/sync", "/sync/reverse", "/runs/any/files"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json").body("instance", equalTo(path));
        }
        given().post("/reconcile").then().statusCode(401).contentType("application/problem+json");
        control().get("/runs").then().statusCode(200);
        // the simulators keep their own credentials: the sandbox's OAuth token endpoint and the generic CRM's bearer token
        given().get("/generic-crm/api/accounts?legacy_id=none").then().statusCode(401);
        given().header("Authorization", "Bearer generic-crm-token").get("/generic-crm/api/accounts?legacy_id=none").then().statusCode(200);
    }

    @Test
    void refusalsAreProblemDetails() {
        control().get("/runs/no-such-run").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:cutover:problem:not-found")).body("detail", equalTo("No run no-such-run"))
                .body("instance", equalTo("/runs/no-such-run"));
        control().post("/runs/no-such-run/stop").then().statusCode(404).contentType("application/problem+json");
        control().get("/runs/no-such-run/files/report.json").then().statusCode(404).contentType("application/problem+json");
        control().contentType(ContentType.JSON).body(Map.of("kind", "everything")).post("/runs").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:cutover:problem:bad-request"))
                .body("detail", containsString("everything"));
        control().contentType(ContentType.JSON).body("{\"kind\": ").post("/runs").then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("The body is not the JSON"));
        control().post("/runs/current/stop").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:cutover:problem:conflict")).body("detail", equalTo("No run is in progress"));
    }

    @Test
    void theOpenApiDocumentDescribesTheControlApi() {
        JsonPath openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        assertThat(paths).containsKeys("/runs", "/runs/{id}", "/runs/{id}/stop", "/runs/{id}/files",
                "/runs/{id}/files/{name}", "/runs/{id}/files/{kind}/{name}", "/runs/{id}/report", "/reconcile", "/sync",
                "/sync/final-delta", "/sync/reverse/conflicts/{id}");
        assertThat(paths.keySet()).as("the simulators are not the control API")
                .noneMatch(path -> path.startsWith("/sandbox") || path.startsWith("/services") || path.contains("crm"));
        assertThat(openApi.getString("paths.'/runs/{id}/stop'.post.summary")).isEqualTo("Stops a run after the batches in flight");
        assertThat(openApi.getMap("paths.'/runs'.post.responses")).containsKeys("202", "400", "401", "409");
        assertThat(openApi.getString("paths.'/runs'.post.responses.'409'.content.'application/problem+json'.schema.$ref"))
                .endsWith("/Problem");
        assertThat(openApi.getString("components.securitySchemes.control-token.scheme")).isEqualTo("bearer");
        assertThat(openApi.getList("paths.'/sync'.get.security.control-token")).isNotNull();
    }

    @Test
    void aRunStartedOverHttpCanBeStoppedByItsIdAndIsResumedByTheNextStart() throws InterruptedException, IOException {
        // slow enough that the stop lands while accounts are being loaded, 10 a call
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", 300)).put("/sandbox/admin/faults").then().statusCode(200);
        String runId = control().contentType(ContentType.JSON).body(Map.of("kind", "full")).post("/runs")
                .then().statusCode(202).header("Location", startsWith("/runs/")).extract().path("runId");
        control().contentType(ContentType.JSON).body(Map.of()).post("/runs").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("A run is in progress"));

        control().post("/runs/" + runId + "/stop").then().statusCode(202).body("runId", equalTo(runId))
                .body("status", equalTo("stopping"));
        JsonPath stopped = awaitEnd(runId);
        assertThat(stopped.getString("status")).isEqualTo("stopped");
        long loadedBeforeStop = stopped.getLong("objects.Account.loaded");
        assertThat(loadedBeforeStop).isLessThan(50);
        control().get("/runs").then().statusCode(200).body("id", hasItem(runId));
        control().post("/runs/" + runId + "/stop").then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Run " + runId + " is not in progress here (status: stopped)"));

        given().contentType(ContentType.JSON).body(Map.of()).put("/sandbox/admin/faults").then().statusCode(200);
        String resumed = control().contentType(ContentType.JSON).body(Map.of()).post("/runs")
                .then().statusCode(202).extract().path("runId");
        assertThat(resumed).isEqualTo(runId);
        JsonPath completed = awaitEnd(runId);
        assertThat(completed.getString("status")).isEqualTo("completed");
        assertThat(completed.getLong("objects.Account.loaded")).isEqualTo(50);
        assertThat(completed.getLong("objects.Contact.loaded")).isEqualTo(150);

        // its files, as written in the run folder
        Path folder = Path.of(ConfigProvider.getConfig().getValue("cutover.data-dir", String.class), "runs", runId);
        List<String> hrefs = control().get("/runs/" + runId + "/files").then().statusCode(200).extract().path("href");
        assertThat(hrefs).contains("/runs/" + runId + "/files/report.json", "/runs/" + runId + "/files/report.html",
                "/runs/" + runId + "/files/report.md", "/runs/" + runId + "/files/success/Account.csv",
                "/runs/" + runId + "/files/success/Contact.csv");
        JsonPath report = control().get("/runs/" + runId + "/files/report.json").then().statusCode(200)
                .contentType(ContentType.JSON).header("Content-Disposition", containsString(runId + "-report.json"))
                .extract().jsonPath();
        assertThat(report.getString("runId")).isEqualTo(runId);
        assertThat(report.getLong("objects.Contact.loaded")).isEqualTo(150);
        assertThat(control().get("/runs/" + runId + "/files/report.md").then().statusCode(200).contentType("text/markdown")
                .extract().asString()).isEqualTo(Files.readString(folder.resolve("report.md")));
        assertThat(control().get("/runs/" + runId + "/files/report.html").then().statusCode(200).contentType(ContentType.HTML)
                .extract().asString()).isEqualTo(Files.readString(folder.resolve("report.html")));
        String accounts = control().get("/runs/" + runId + "/files/success/Account.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(accounts).isEqualTo(Files.readString(folder.resolve("success/Account.csv")));
        assertThat(accounts.lines().skip(1).filter(line -> line.contains(",created") || line.contains(",updated")))
                .hasSize(50);
        control().get("/runs/" + runId + "/files/rejects/Account.csv").then().statusCode(404)
                .contentType("application/problem+json");
        control().get("/runs/" + runId + "/files/secrets.txt").then().statusCode(404);
    }

    /** The run's view once it no longer runs (shared by the tests that start runs over HTTP). */
    static JsonPath awaitEnd(String runId) {
        return await("the end of run " + runId).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> control().get("/runs/" + runId).then().statusCode(200).extract().jsonPath(),
                        run -> !"running".equals(run.getString("status")));
    }

    static RequestSpecification control() {
        return given().header("Authorization", "Bearer control-token-for-tests");
    }
}
