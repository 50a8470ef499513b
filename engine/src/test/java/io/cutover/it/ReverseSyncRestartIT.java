package io.cutover.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The reverse sync's Change Data Capture subscriptions across restarts of the packaged application, against the
 * Salesforce sandbox and the legacy CRM simulator in a JVM of their own, which keeps its events 45 seconds. Stopped,
 * while the sales team edits accounts in the target, then started again: the subscription resumes after the last event
 * it stored, and each edit reaches the legacy CRM once. Stopped for longer than the org keeps events: the subscription
 * cannot replay them, and the SOQL catch-up from the last stored event's commit time brings the edits instead.
 */
class ReverseSyncRestartIT {

    @Test
    void aRestartResumesAfterTheLastStoredEventAndEventsTheOrgNoLongerKeepsAreReadBySoql() throws Exception {
        try (SyncedSystems systems = SyncedSystems.start("-Dcutover.sandbox.change-events.retention=45s",
                "-Dcutover.sandbox.change-events.connect-hold=2s")) {
            String systemsUrl = systems.url;
            Path dataDir = Files.createTempDirectory(Path.of("target"), "reverse-data-").toAbsolutePath();
            Map<String, String> cutover = PackagedApplication.environment(systems.sourcesEnvironment(), Map.of(
                    "CUTOVER_REVERSE_SYNC_ENABLED", "true",
                    "CUTOVER_REVERSE_SYNC_TICK", "200ms",
                    // every change comes as an event, or from the catch-up
                    "CUTOVER_REVERSE_SYNC_SWEEP_INTERVAL", "1h",
                    "CUTOVER_REVERSE_SYNC_EVENT_RETENTION", "45s"));
            String token = OnceModeIT.token(systemsUrl, "cutover-sandbox", "cutover-sandbox-secret",
                    "admin@cutover.sandbox", "sandbox");

            PackagedApplication app = PackagedApplication.start(cutover, "-Dcutover.data-dir=" + dataDir);
            await(() -> app.output().contains("(full) completed") && subscriptions(systemsUrl).size() == 2, app);
            List<Map<String, Object>> accounts = CrashResumeIT.queryAll(systemsUrl, token,
                    "SELECT Id, Legacy_Id__c FROM Account ORDER BY Legacy_Id__c");
            long updatesBefore = legacyUpdates(systemsUrl);

            editAndAwait(systemsUrl, token, accounts, 0, 2, app);
            long lastStored = changeEvents(systemsUrl).getLong("newestReplayId");
            app.stop();
            edit(systemsUrl, token, accounts, 2, 5);
            PackagedApplication restarted = PackagedApplication.start(cutover, "-Dcutover.data-dir=" + dataDir);
            try {
                awaitEdits(systemsUrl, accounts, 2, 5, restarted);
                // the first sweep of a start may bring the edits before the subscription is made
                await(() -> accountsSubscribedFrom(systemsUrl, lastStored), restarted);
                assertThat(legacyUpdates(systemsUrl) - updatesBefore).as("one write per edit").isEqualTo(5);
            } finally {
                restarted.stop();
            }

            edit(systemsUrl, token, accounts, 5, 7);
            TimeUnit.SECONDS.sleep(50);
            PackagedApplication afterExpiry = PackagedApplication.start(cutover, "-Dcutover.data-dir=" + dataDir);
            try {
                awaitEdits(systemsUrl, accounts, 5, 7, afterExpiry);
                await(() -> afterExpiry.output().contains("older than the org keeps events"), afterExpiry);
                // no replay id the org no longer has
                await(() -> accountsSubscribedFrom(systemsUrl, -1), afterExpiry);
                assertThat(legacyUpdates(systemsUrl) - updatesBefore).isEqualTo(7);
            } finally {
                afterExpiry.stop();
            }
        }
    }

    /** The sales team edits the descriptions of accounts [from, to) in the target, as its own client. */
    private static void edit(String systemsUrl, String token, List<Map<String, Object>> accounts, int from, int to) {
        for (int i = from; i < to; i++) {
            given().baseUri(systemsUrl).header("Authorization", "Bearer " + token)
                    .header("Sforce-Call-Options", "client=sales-team").contentType("application/json")
                    .body(Map.of("Description", "Edited in Salesforce " + i))
                    .patch("/services/data/v60.0/sobjects/Account/" + accounts.get(i).get("Id")).then().statusCode(204);
        }
    }

    private static void editAndAwait(String systemsUrl, String token, List<Map<String, Object>> accounts, int from, int to,
            PackagedApplication app) throws Exception {
        edit(systemsUrl, token, accounts, from, to);
        awaitEdits(systemsUrl, accounts, from, to, app);
    }

    private static void awaitEdits(String systemsUrl, List<Map<String, Object>> accounts, int from, int to,
            PackagedApplication app) throws Exception {
        await(() -> {
            for (int i = from; i < to; i++) {
                String description = given().baseUri(systemsUrl).auth().oauth2("legacy-crm-token")
                        .get("/legacy-crm/api/accounts/" + accounts.get(i).get("Legacy_Id__c")).then().statusCode(200)
                        .extract().path("description");
                if (!("Edited in Salesforce " + i).equals(description)) {
                    return false;
                }
            }
            return true;
        }, app);
    }

    private static io.restassured.path.json.JsonPath changeEvents(String systemsUrl) {
        return given().baseUri(systemsUrl).header("Authorization", PackagedApplication.ADMIN).get("/sandbox/admin/change-events").then().statusCode(200).extract().jsonPath();
    }

    /** Whether the Account change events' subscription last asked the sandbox for the events after {@code replayId}. */
    private static boolean accountsSubscribedFrom(String systemsUrl, long replayId) {
        Object from = changeEvents(systemsUrl).get("subscribedFrom.'/data/AccountChangeEvent'");
        return from != null && ((Number) from).longValue() == replayId;
    }

    private static List<String> subscriptions(String systemsUrl) {
        return changeEvents(systemsUrl).getList("subscriptions");
    }

    private static long legacyUpdates(String systemsUrl) {
        return given().baseUri(systemsUrl).header("Authorization", PackagedApplication.ADMIN).get("/legacy-crm/admin/counters").then().statusCode(200).extract()
                .jsonPath().getLong("apiUpdates");
    }

    private static void await(CheckedCondition condition, PackagedApplication app) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!condition.holds()) {
            if (System.currentTimeMillis() > deadline || !app.isAlive()) {
                throw new AssertionError("Not reached in time; the application's output:\n" + app.output());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    @FunctionalInterface
    private interface CheckedCondition {
        boolean holds() throws Exception;
    }
}
