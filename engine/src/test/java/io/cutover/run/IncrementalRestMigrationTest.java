package io.cutover.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.cutover.state.Watermarks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Change capture through the whole pipeline: the first run reads the legacy CRM's API whole and leaves a watermark per
 * object; the next runs ask only for what changed since (people keep working in the legacy CRM: edits, creations,
 * deletions); a dry run, and a run that fails, leave the watermarks where they were; a failure is reported in one
 * clear message.
 */
@QuarkusTest
@QuarkusTestResource(value = IncrementalLegacyCrmExport.class, restrictToAnnotatedClass = true)
class IncrementalRestMigrationTest {

    private static final String API = "/legacy-crm/api";
    private static final String ADMIN = "/legacy-crm/admin";

    @Inject
    MigrationLauncher launcher;
    @Inject
    Watermarks watermarks;

    @Test
    void eachRunReadsTheChangesSinceTheLastCompleteOneAndAFailedRunMovesNoWatermark() throws InterruptedException {
        RunReport first = launcher.runNow();
        assertThat(first.status()).isEqualTo("completed");
        assertThat(first.objects().get("Account")).isEqualTo(new ObjectCounts(50, 50, 0, 0, 0, 0, 0, 0));
        assertThat(first.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 150, 0, 0, 0, 0, 0, 0));
        // the simulator's export rows were updated a minute apart from 2024-01-01T00:00:00Z
        assertThat(watermarks.get("source/Account")).contains("2024-01-01T00:49:00Z");
        assertThat(watermarks.get("source/Contact")).contains("2024-01-01T02:29:00Z");

        // nothing changed: the last record of each export is read again (updated_since includes its instant), unchanged
        RunReport second = launcher.runNow();
        assertThat(second.objects().get("Account")).isEqualTo(new ObjectCounts(1, 0, 0, 1, 0, 0, 0, 0));
        assertThat(second.objects().get("Contact")).isEqualTo(new ObjectCounts(1, 0, 0, 1, 0, 0, 0, 0));

        changeSettings(Map.of("editsPerMinute", 600, "creationsPerMinute", 300, "deletionsPerMinute", 300));
        // changes of both exports, of every kind
        await("the generator's changes").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> counter("edits") >= 5 && counter("creations") >= 2 && counter("deletions") >= 2
                        && !changedSince("accounts?limit=200", "2024-01-01T00:49:00Z").isEmpty()
                        && !changedSince("contacts?per_page=200", "2024-01-01T02:29:00Z").isEmpty());
        changeSettings(Map.of("editsPerMinute", 0, "creationsPerMinute", 0, "deletionsPerMinute", 0));
        List<Map<String, Object>> changedAccounts = changedSince("accounts?limit=200", "2024-01-01T00:49:00Z");
        List<Map<String, Object>> changedContacts = changedSince("contacts?per_page=200", "2024-01-01T02:29:00Z");

        // a dry run reads the changes but loads nothing: the watermarks stay, for the real run to read them again
        RunReport dryRun = launcher.runNow(RunRequest.of(RunKind.DRY_RUN));
        assertThat(dryRun.objects().get("Account").read()).isEqualTo(changedAccounts.size());
        assertThat(watermarks.get("source/Account")).contains("2024-01-01T00:49:00Z");
        assertThat(watermarks.get("source/Contact")).contains("2024-01-01T02:29:00Z");

        RunReport third = launcher.runNow();
        assertThat(third.status()).isEqualTo("completed");
        assertThat(third.objects().get("Account").read()).isEqualTo(changedAccounts.size());
        assertThat(third.objects().get("Contact").read()).isEqualTo(changedContacts.size());
        assertThat(third.accountedFor()).isTrue();
        assertThat(watermarks.get("source/Account")).contains(latest(changedAccounts));
        assertThat(watermarks.get("source/Contact")).contains(latest(changedContacts));

        changeSettings(Map.of("unavailable", true));
        long callsBefore = counter("calls");
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLoggerName() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        RunReport failed;
        try {
            failed = launcher.runNow();
        } finally {
            Logger.getLogger("").removeHandler(capture);
            changeSettings(Map.of("unavailable", false));
        }

        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).isEqualTo("GET http://localhost:" + LegacyCrmExport.PORT + API + "/accounts?updated_since="
                + latest(changedAccounts).replace(":", "%3A") + "&offset=0&limit=20 failed after 2 attempts "
                + "(rest.retry.attempts); last answer: HTTP 503 {\"error\":\"down for maintenance\"} ("
                + IncrementalLegacyCrmExport.exportDir.resolveSibling("sources").resolve("accounts.yaml") + ")");
        // the page was asked for twice, as configured, and not once more when Camel released the split's exchanges
        assertThat(counter("calls") - callsBefore).isEqualTo(2);
        assertThat(logged).noneMatch(line -> line.contains("Error releasing exchange"));
        assertThat(watermarks.get("source/Account")).contains(latest(changedAccounts));
        assertThat(watermarks.get("source/Contact")).contains(latest(changedContacts));
    }

    private static void changeSettings(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put(ADMIN + "/settings").then().statusCode(200);
    }

    private static long counter(String name) {
        return given().get(ADMIN + "/counters").then().statusCode(200).extract().jsonPath().getLong(name);
    }

    private static List<Map<String, Object>> changedSince(String collection, String watermark) {
        return given().auth().oauth2("legacy-crm-token").queryParam("updated_since", watermark).get(API + "/" + collection)
                .then().statusCode(200).extract().jsonPath().getList("records");
    }

    private static String latest(List<Map<String, Object>> records) {
        return records.stream().map(record -> (String) record.get("updated_at"))
                .max(Comparator.comparing(Instant::parse)).orElseThrow();
    }
}
