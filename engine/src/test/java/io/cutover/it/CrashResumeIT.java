package io.cutover.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: a 10,000-record migration, run by the packaged application in once mode, is killed with SIGKILL at
 * random moments and started again each time. In the end the target holds every record exactly once, with its values
 * and its parent, and the run's outcomes account for every record read.
 */
class CrashResumeIT {

    private static final GeneratedExport EXPORT = new GeneratedExport(2_000, 8_000);
    private static final int KILLS = 4;

    @Test
    void aMigrationKilledAtRandomMomentsAndRestartedLoadsEveryRecordExactlyOnce() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path exportDir = EXPORT.write("crash-export-");
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-data-").toAbsolutePath();

        PackagedApplication org = PackagedApplication.start("-Dcutover.sandbox.enabled=true", "-Dcutover.run-at-start=false");
        try {
            String orgUrl = "http://localhost:" + org.port;
            OnceModeIT.awaitReady(orgUrl, org);
            // every call to the org takes a second, so the run lasts longer than the kills' delays add up to: each kill
            // lands in the run, never after its end
            slowOrg(orgUrl, 1000);
            // with the default threshold (2,000), accounts load through sObject collections and contacts in a bulk job
            Map<String, String> migration = PackagedApplication.environment(PackagedApplication.sandboxLogin(orgUrl), Map.of(
                    "CUTOVER_MODE", "once",
                    "CUTOVER_EXPORT_DIR", exportDir.toString(),
                    "CUTOVER_DATA_DIR", dataDir.toString()));

            StringBuilder attempts = new StringBuilder("seed " + seed + ";");
            for (int kill = 1; kill <= KILLS; kill++) {
                PackagedApplication run = PackagedApplication.start(migration, "-Dcutover.data-dir=" + dataDir);
                awaitRunStart(run);
                long delay = random.nextInt(6_000);
                boolean ended = waitFor(run, delay);
                attempts.append(" attempt ").append(kill)
                        .append(ended ? " ended by itself" : " killed " + delay + " ms into the run").append(';');
                if (ended) {
                    break;
                }
                run.kill();
            }
            PackagedApplication last = PackagedApplication.start(migration, "-Dcutover.data-dir=" + dataDir);
            assertThat(last.exitCode()).as(attempts + "\n" + last.output()).isZero();

            JsonNode report = new ObjectMapper().readTree(onlyReport(dataDir).toFile());
            assertThat(report.get("status").asText()).as(attempts.toString()).isEqualTo("completed");
            EXPORT.assertAccounted(report);

            slowOrg(orgUrl, 0);
            EXPORT.assertTargetExact(orgUrl, attempts.toString());
        } finally {
            org.stop();
        }
    }

    static void slowOrg(String orgUrl, int latencyMs) {
        given().baseUri(orgUrl).contentType("application/json").body(Map.of("latencyMs", latencyMs))
                .header("Authorization", PackagedApplication.ADMIN).put("/sandbox/admin/faults").then().statusCode(200);
    }

    /** Kills land in the run, not in the application's start. */
    static void awaitRunStart(PackagedApplication run) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!run.output().matches("(?s).*Run \\S+ \\(full\\).*") && run.isAlive()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("The run did not start; the output:\n" + run.output());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Waits up to the delay for the run to end by itself. */
    private static boolean waitFor(PackagedApplication run, long delayMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + delayMillis;
        while (System.currentTimeMillis() < deadline) {
            if (!run.isAlive()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return false;
    }

    static List<Map<String, Object>> queryAll(String baseUrl, String token, String soql) {
        JsonPath page = given().baseUri(baseUrl).auth().oauth2(token).queryParam("q", soql)
                .get("/services/data/v60.0/query").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> records = new java.util.ArrayList<>(page.getList("records"));
        while (!page.getBoolean("done")) {
            page = given().baseUri(baseUrl).auth().oauth2(token).get(page.getString("nextRecordsUrl"))
                    .then().statusCode(200).extract().jsonPath();
            records.addAll(page.getList("records"));
        }
        return records;
    }

    static Path onlyReport(Path dataDir) throws IOException {
        try (Stream<Path> runs = Files.list(dataDir.resolve("runs"))) {
            List<Path> reports = runs.map(run -> run.resolve("report.json")).filter(Files::exists).toList();
            assertThat(reports).as("one run, resumed after every kill").hasSize(1);
            return reports.get(0);
        }
    }
}
