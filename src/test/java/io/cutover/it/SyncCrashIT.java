package io.cutover.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.sync.LegacyAndTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of the cutover sync: the packaged application migrates the legacy CRM simulator's accounts and contacts
 * over REST, then keeps the target in step while the simulator makes about 20 changes a second, and is killed with
 * SIGKILL three times during the sync, at random moments, and started again each time. After the final delta the
 * target holds exactly the legacy CRM's live records, field by field: no change lost, none applied twice.
 */
class SyncCrashIT {

    private static final int KILLS = 3;

    @Test
    void theSyncKilledThreeTimesLosesNoChangeAndAppliesNoneTwice() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        // the legacy CRM simulator and the Salesforce sandbox, in a JVM of their own, as the two systems would be
        PackagedApplication systems = PackagedApplication.start("-Dcutover.sandbox.enabled=true",
                "-Dcutover.legacy-crm.enabled=true", "-Dcutover.run-at-start=false");
        try {
            String systemsUrl = "http://localhost:" + systems.port;
            OnceModeIT.awaitReady(systemsUrl, systems);
            Path sources = Files.createTempDirectory(Path.of("target"), "sync-sources-").toAbsolutePath();
            for (String file : new String[] {"accounts.yaml", "contacts.yaml"}) {
                Files.writeString(sources.resolve(file), Files.readString(Path.of("sources-rest", file))
                        .replace("http://localhost:8080", systemsUrl));
            }
            Path dataDir = Files.createTempDirectory(Path.of("target"), "sync-data-").toAbsolutePath();
            Map<String, String> cutover = PackagedApplication.environment(PackagedApplication.sandboxLogin(systemsUrl),
                    Map.ofEntries(
                            Map.entry("CUTOVER_SOURCES_DIR", sources.toString()),
                            Map.entry("LEGACY_CRM_TOKEN", "legacy-crm-token"),
                            Map.entry("CUTOVER_SYNC_ENABLED", "true"),
                            Map.entry("CUTOVER_SYNC_POLL_INTERVAL", "500ms"),
                            Map.entry("CUTOVER_SYNC_TICK", "200ms"),
                            Map.entry("CUTOVER_SYNC_FINAL_DELTA_MAX_CYCLES", "10"),
                            // a killed leader's lease runs out after 3 s: the next one takes over then
                            Map.entry("CUTOVER_SYNC_LEASE_DURATION", "3s"),
                            Map.entry("CUTOVER_CONTROL_TOKEN", "sync-crash-test")));
            changeSettings(systemsUrl, Map.of("editsPerMinute", 600, "creationsPerMinute", 360, "deletionsPerMinute", 240));

            StringBuilder attempts = new StringBuilder("seed " + seed + ";");
            PackagedApplication sync = PackagedApplication.start(cutover, "-Dcutover.data-dir=" + dataDir);
            for (int kill = 1; kill <= KILLS; kill++) {
                awaitSyncCycles(sync, 2);
                long delay = random.nextInt(3_000);
                TimeUnit.MILLISECONDS.sleep(delay);
                attempts.append(" killed ").append(delay).append(" ms after two sync cycles;");
                sync.kill();
                sync = PackagedApplication.start(cutover, "-Dcutover.data-dir=" + dataDir);
            }
            try {
                awaitSyncCycles(sync, 2);
                changeSettings(systemsUrl, Map.of("editsPerMinute", 0, "creationsPerMinute", 0, "deletionsPerMinute", 0));
                String syncUrl = "http://localhost:" + sync.port;
                given().baseUri(syncUrl).header("Authorization", "Bearer sync-crash-test").post("/sync/final-delta")
                        .then().statusCode(202);
                awaitPhase(syncUrl, "done", sync);

                JsonNode finalDelta = new ObjectMapper().readTree(dataDir.resolve("sync/final-delta.json").toFile());
                assertThat(finalDelta.get("agreed").asBoolean()).as(attempts + " " + finalDelta).isTrue();
                String token = OnceModeIT.token(systemsUrl, "cutover-sandbox", "cutover-sandbox-secret",
                        "admin@cutover.sandbox", "sandbox");
                LegacyAndTarget.assertSameRecords(systemsUrl + "/legacy-crm/api",
                        soql -> CrashResumeIT.queryAll(systemsUrl, token, soql));
            } finally {
                sync.stop();
            }
        } finally {
            systems.stop();
        }
    }

    /** Waits until the application's log shows this many more sync cycles that applied changes. */
    private static void awaitSyncCycles(PackagedApplication app, int cycles) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        int before = count(app.output(), "(sync) completed");
        while (count(app.output(), "(sync) completed") < before + cycles) {
            if (System.currentTimeMillis() > deadline || !app.isAlive()) {
                throw new AssertionError("No sync cycles; the output:\n" + app.output());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static void awaitPhase(String url, String phase, PackagedApplication app) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!phase.equals(given().baseUri(url).header("Authorization", "Bearer sync-crash-test").get("/sync")
                .then().statusCode(200).extract().path("phase"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("The sync did not reach " + phase + "; the output:\n" + app.output());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void changeSettings(String baseUrl, Map<String, Object> settings) {
        given().baseUri(baseUrl).contentType("application/json").body(settings).put("/legacy-crm/admin/settings")
                .then().statusCode(200);
    }
}
