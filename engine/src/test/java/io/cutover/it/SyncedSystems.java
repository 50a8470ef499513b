package io.cutover.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.sync.LegacyAndTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The two systems a cutover sync keeps in step, the legacy CRM simulator and the Salesforce sandbox, in a packaged
 * application of their own, as they would be two other hosts; and what the sync tests do to and read from them.
 */
final class SyncedSystems implements AutoCloseable {

    static final String CONTROL_TOKEN = "sync-test-token";

    final String url;
    private final PackagedApplication systems;
    private final Path sources;

    private SyncedSystems(PackagedApplication systems, Path sources) {
        this.systems = systems;
        this.url = "http://localhost:" + systems.port;
        this.sources = sources;
    }

    /** Both systems, with the settings given as {@code -D} options besides. */
    static SyncedSystems start(String... settings) throws Exception {
        List<String> options = new ArrayList<>(List.of("-Dcutover.sandbox.enabled=true",
                "-Dcutover.legacy-crm.enabled=true", "-Dcutover.run-at-start=false"));
        options.addAll(List.of(settings));
        PackagedApplication systems = PackagedApplication.start(options.toArray(String[]::new));
        String url = "http://localhost:" + systems.port;
        OnceModeIT.awaitReady(url, systems);
        Path sources = Files.createTempDirectory(Path.of("target"), "sync-sources-").toAbsolutePath();
        for (String file : new String[] {"accounts.yaml", "contacts.yaml"}) {
            Files.writeString(sources.resolve(file), Files.readString(Path.of("sources-rest", file))
                    .replace("http://localhost:8080", url));
        }
        return new SyncedSystems(systems, sources);
    }

    /** The environment of a Cutover that reads the simulator's accounts and contacts and loads them into the sandbox. */
    Map<String, String> sourcesEnvironment() {
        return PackagedApplication.environment(PackagedApplication.sandboxLogin(url), Map.of(
                "CUTOVER_SOURCES_DIR", sources.toString(),
                "LEGACY_CRM_TOKEN", "legacy-crm-token",
                "CUTOVER_CONTROL_TOKEN", CONTROL_TOKEN));
    }

    /** The same, keeping the target in step with the simulator's changes after the bulk load. */
    Map<String, String> cutoverEnvironment() {
        return PackagedApplication.environment(sourcesEnvironment(), Map.ofEntries(
                Map.entry("CUTOVER_SYNC_ENABLED", "true"),
                Map.entry("CUTOVER_SYNC_POLL_INTERVAL", "500ms"),
                Map.entry("CUTOVER_SYNC_TICK", "200ms"),
                Map.entry("CUTOVER_SYNC_FINAL_DELTA_MAX_CYCLES", "10")));
    }

    /** How many creations, edits and deletions a minute the legacy CRM simulator makes. */
    void changesPerMinute(int creations, int edits, int deletions) {
        given().baseUri(url).contentType("application/json")
                .body(Map.of("editsPerMinute", edits, "creationsPerMinute", creations, "deletionsPerMinute", deletions))
                .header("Authorization", PackagedApplication.ADMIN).put("/legacy-crm/admin/settings").then().statusCode(200);
    }

    /** Stops the simulator's changes, runs the final delta through the replica, and checks both sides agree. */
    void finalDeltaAgrees(PackagedApplication replica, Path dataDir, String context) throws Exception {
        changesPerMinute(0, 0, 0);
        String replicaUrl = "http://localhost:" + replica.port;
        given().baseUri(replicaUrl).header("Authorization", "Bearer " + CONTROL_TOKEN).post("/sync/final-delta")
                .then().statusCode(202);
        awaitPhase(replicaUrl, "done", replica);
        JsonNode finalDelta = new ObjectMapper().readTree(dataDir.resolve("sync/final-delta.json").toFile());
        assertThat(finalDelta.get("agreed").asBoolean()).as(context + " " + finalDelta).isTrue();
        String token = OnceModeIT.token(url, "cutover-sandbox", "cutover-sandbox-secret", "admin@cutover.sandbox",
                "sandbox");
        LegacyAndTarget.assertSameRecords(url + "/legacy-crm/api", soql -> CrashResumeIT.queryAll(url, token, soql));
    }

    /** Waits until the application's log shows this many more sync cycles that applied changes. */
    static void awaitSyncCycles(PackagedApplication app, int cycles) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        int before = syncCycles(app);
        while (syncCycles(app) < before + cycles) {
            if (System.currentTimeMillis() > deadline || !app.isAlive()) {
                throw new AssertionError("No sync cycles; the output:\n" + app.output());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** The sync cycles that applied changes, as the application logged them. */
    static int syncCycles(PackagedApplication app) throws IOException {
        return count(app.output(), "(sync) completed");
    }

    static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void awaitPhase(String url, String phase, PackagedApplication app) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!phase.equals(given().baseUri(url).header("Authorization", "Bearer " + CONTROL_TOKEN).get("/sync")
                .then().statusCode(200).extract().path("phase"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("The sync did not reach " + phase + "; the output:\n" + app.output());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    @Override
    public void close() throws InterruptedException {
        systems.stop();
    }
}
