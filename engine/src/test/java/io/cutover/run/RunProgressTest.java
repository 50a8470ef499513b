package io.cutover.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cutover.progress.RunDevConsole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.console.DevConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Watching a run: GET /runs/{id} shows each object's progress while it runs, and /q/metrics counts the records by
 * object and outcome as they go, ending equal to the report. A first run into an empty sandbox, loading slowly.
 */
@QuarkusTest
@TestProfile(RunControlTest.SmallBatches.class)
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class RunProgressTest {

    @Inject
    RunDevConsole devConsole;

    @AfterEach
    void noFaults() {
        given().contentType(ContentType.JSON).body(Map.of()).put("/sandbox/admin/faults").then().statusCode(200);
    }

    @Test
    void aRunInProgressShowsItsProgressAndTheMetricsEndEqualToTheReport() throws InterruptedException {
        Map<String, Double> before = recordMeters();
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", 100)).put("/sandbox/admin/faults").then().statusCode(200);
        String runId = RunControlTest.control().contentType(ContentType.JSON).body(Map.of("kind", "full")).post("/runs")
                .then().statusCode(202).extract().path("runId");
        List<JsonPath> live = new ArrayList<>();
        List<Map<String, Double>> metricsDuring = new ArrayList<>();
        // every poll's view kept: the run's progress and the meters as they were at that moment
        JsonPath ended = await("the end of run " + runId).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonPath run = RunControlTest.control().get("/runs/" + runId).then().statusCode(200).extract().jsonPath();
                    if ("running".equals(run.getString("status"))) {
                        live.add(run);
                        metricsDuring.add(recordMeters());
                    }
                    return run;
                }, run -> !"running".equals(run.getString("status")));
        assertThat(ended.getString("status")).isEqualTo("completed");
        assertThat(ended.getMap("progress")).as("an ended run's report has no progress").isNull();

        // while the contacts load, 10 a call at 100 ms a call: read whole, part of them pending
        JsonPath loading = live.stream().filter(run -> run.get("progress.Contact") != null
                && run.getLong("progress.Contact.pending") > 0 && run.getLong("progress.Contact.done") > 0)
                .findFirst().orElseThrow(() -> new AssertionError("no view of the contacts half loaded: " + live.size()
                        + " views, the last " + (live.isEmpty() ? "none" : live.get(live.size() - 1).prettify())));
        assertThat(loading.getLong("progress.Contact.total")).isEqualTo(150);
        assertThat(loading.getLong("progress.Contact.read")).isEqualTo(150);
        assertThat(loading.getLong("progress.Contact.pending") + loading.getLong("progress.Contact.done")).isEqualTo(150);
        assertThat(loading.getLong("progress.Contact.percent")).isBetween(1L, 99L);
        assertThat(loading.getLong("progress.Account.outcomes.loaded")).isEqualTo(50);
        assertThat(loading.getDouble("progress.Contact.perSecond")).isPositive();
        assertThat(loading.getLong("progress.Contact.secondsLeft")).isNotNull();

        // the meters: part-way while it ran, and at the end what the report says, object by object
        Map<String, Double> after = recordMeters();
        String contactsRead = "cutover_records_read_total{object=\"Contact\"}";
        assertThat(metricsDuring).anySatisfy(during -> assertThat(delta(during, before, "cutover_records_total{object=\"Contact\",outcome=\"loaded\"}"))
                .isBetween(1.0, 149.0));
        for (String object : List.of("Account", "Contact")) {
            assertThat(delta(after, before, "cutover_records_read_total{object=\"" + object + "\"}")).as(object + " read")
                    .isEqualTo(ended.getDouble("objects." + object + ".read"));
            for (String outcome : List.of("loaded", "updated", "unchanged", "rejected", "skipped")) {
                assertThat(delta(after, before, "cutover_records_total{object=\"" + object + "\",outcome=\"" + outcome + "\"}"))
                        .as(object + " " + outcome).isEqualTo(ended.getDouble("objects." + object + "." + outcome));
            }
            assertThat(after.get("cutover_records_pending{object=\"" + object + "\"}")).isZero();
        }
        assertThat(delta(after, before, contactsRead)).isEqualTo(150);
        Map<String, Object> calls = ended.getMap("apiCalls.Contact");
        calls.forEach((operation, count) -> assertThat(delta(after, before,
                "cutover_api_calls_total{object=\"Contact\",operation=\"" + operation + "\"}")).as(operation)
                .isEqualTo(((Number) count).doubleValue()));
        assertThat(calls).containsKey("compositeUpsertSObjectCollections");

        // each call answered is timed once, by operation: every upsert of the run, each at least the 100 ms injected
        String upserts = "cutover_api_call_seconds_count{operation=\"compositeUpsertSObjectCollections\"}";
        double upsertCalls = List.of("Account", "Contact").stream().mapToDouble(object -> ((Number) ended
                .getMap("apiCalls." + object).get("compositeUpsertSObjectCollections")).doubleValue()).sum();
        assertThat(delta(after, before, upserts)).isEqualTo(upsertCalls);
        assertThat(delta(after, before, "cutover_api_call_seconds_sum{operation=\"compositeUpsertSObjectCollections\"}"))
                .isGreaterThanOrEqualTo(0.1 * upsertCalls);
        assertThat(after).containsKey("cutover_api_call_seconds{operation=\"compositeUpsertSObjectCollections\",quantile=\"0.95\"}");
        assertThat(after.get("cutover_api_budget_remaining")).as("the sandbox's daily API requests left").isPositive();
        assertThat(after.get("cutover_load_bulk_jobs_open")).isZero();

        // the Dev UI's Camel card shows the same, in the console named cutover
        String console = (String) devConsole.call(DevConsole.MediaType.TEXT, Map.of());
        assertThat(console).contains("Run " + runId).contains("Account: read 50 of 50, loaded 50, pending 0")
                .contains("Contact: read 150 of 150, loaded 150, pending 0");
    }

    /** The cutover_* samples of /q/metrics, by name and labels. */
    private static Map<String, Double> recordMeters() {
        Map<String, Double> samples = new HashMap<>();
        for (String line : given().get("/q/metrics").then().statusCode(200).extract().asString().split("\n")) {
            if (line.startsWith("cutover_")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    private static double delta(Map<String, Double> after, Map<String, Double> before, String sample) {
        return after.getOrDefault(sample, 0.0) - before.getOrDefault(sample, 0.0);
    }
}
