package io.cutover.run;

import static io.cutover.run.ExportEdits.appendRows;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The run report as a page: served by the application, written as report.html and report.md, and shown by a real
 * browser (headless Chromium) with the numbers report.json has.
 */
@QuarkusTest
@QuarkusTestResource(value = ReportPageTest.ExportOfADay.class, restrictToAnnotatedClass = true)
class ReportPageTest {

    /** The sample export, taken on a day the report names. */
    public static class ExportOfADay extends SampleExport {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("cutover.run.export-date", EXPORT_DATE);
            return config;
        }
    }

    private static final String EXPORT_DATE = "2026-11-30";

    private static final Pattern SHOWN = Pattern.compile("data-object=\"(\\w+)\" data-outcome=\"(\\w+)\">(\\d+)<");
    private static final List<String> OUTCOMES = List.of("loaded", "updated", "unchanged", "rejected", "merged", "skipped");
    private static final Pattern INTERVAL = Pattern.compile("<rect class=\"interval\"[^>]* data-records=\"(\\d+)\"");
    private static final Pattern OPERATION = Pattern.compile("data-operation=\"(\\w+)\">(\\d+)<");
    private static final Pattern BUDGET = Pattern.compile("id=\"api-(remaining|limit|reserve)\">(\\d+)<");

    private static RunReport report;

    @Inject
    MigrationLauncher launcher;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    /**
     * One story, step by step (one run, then its page served, written and shown): each step works on what the one
     * before left in the target and the ledger.
     */
    @Test
    void aRunsReportPageIsServedWrittenBesideItsReportAndShownInChromium() throws Exception {
        theServedPageShowsTheCountsOfReportJsonTheReasonsAndLinksToTheFiles();
        theRunWritesASelfContainedPageAndMarkdownBesideReportJson();
        headlessChromiumShowsTheNumbersOfReportJsonAndTakesAScreenshot();
    }

    private void theServedPageShowsTheCountsOfReportJsonTheReasonsAndLinksToTheFiles() throws Exception {
        appendRows("contacts.csv",
                "ContactNew1,Funke,Tobias,tobias@example.com,AccountRef999,Analyst,5550100",
                "ContactNew2,Bluth,Lindsay,lindsay@example.com,AccountRef998,Actress,5550101");
        report = launcher.runNow();

        String page = control().get("/runs/" + report.runId() + "/report").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(shown(page)).isEqualTo(expected()).containsEntry("Contact/rejected", 2L);
        assertThat(report.exportDate()).hasToString(EXPORT_DATE);
        assertThat(reportJson().path("exportDate").asText()).isEqualTo(EXPORT_DATE);
        assertThat(page).contains("export of " + EXPORT_DATE);
        assertThroughputAndCallsAsInReportJson(page);
        assertThat(page).contains("PARENT_NOT_LOADED").contains("ContactNew1").contains("ContactNew2")
                .contains("href=\"/runs/" + report.runId() + "/files/rejects/Contact.csv\"")
                .contains("href=\"/runs/" + report.runId() + "/files/success/Account.csv\"");
        assertThat(control().get("/runs/latest/report").then().statusCode(200).extract().asString()).isEqualTo(page);
        assertThat(page).doesNotContain("Reconciliation");

        Files.writeString(runFolder().resolve("reconciliation.json"), "{\"Account\": {\"target\": 50, \"ok\": true}}");
        assertThat(control().get("/runs/" + report.runId() + "/report").then().statusCode(200).extract().asString())
                .contains("<h2>Reconciliation</h2>").contains("{&quot;Account&quot;: {&quot;target&quot;: 50");

        String rejects = control().get("/runs/" + report.runId() + "/files/rejects/Contact.csv").then().statusCode(200)
                .extract().asString();
        assertThat(rejects).isEqualTo(Files.readString(runFolder().resolve("rejects/Contact.csv")));
        control().get("/runs/" + report.runId() + "/files/rejects/..%2F..%2F..%2Fapplication.properties").then().statusCode(404);
        control().get("/runs/" + report.runId() + "/files/..%2Frejects/Contact.csv").then().statusCode(404);
        control().get("/runs/..%2F..%2Fruns%2F" + report.runId() + "/files/rejects/Contact.csv").then().statusCode(404);
        given().get("/runs/" + report.runId() + "/report").then().statusCode(401);
    }

    private void theRunWritesASelfContainedPageAndMarkdownBesideReportJson() throws Exception {
        String html = Files.readString(runFolder().resolve("report.html"));
        assertThat(shown(html)).isEqualTo(expected());
        assertThroughputAndCallsAsInReportJson(html);
        assertThat(html).contains("href=\"rejects/Contact.csv\"").doesNotContain("<script").doesNotContain("http://")
                .doesNotContain("https://");
        String md = Files.readString(runFolder().resolve("report.md"));
        JsonNode contact = reportJson().path("objects").path("Contact");
        assertThat(md).contains("| Contact | " + contact.path("read").asLong() + " | " + contact.path("loaded").asLong() + " |")
                .contains("PARENT_NOT_LOADED").contains("[rejects Contact](rejects/Contact.csv)")
                .contains("- export of: " + EXPORT_DATE);
    }

    private void headlessChromiumShowsTheNumbersOfReportJsonAndTakesAScreenshot() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assertThat(chromium).as("Debian's chromium (.ci/run installs it)").isExecutable();
        Path page = runFolder().resolve("report.html").toAbsolutePath();
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-").toAbsolutePath();

        String dom = chromium(profile, "--dump-dom", page.toUri().toString());
        assertThat(shown(dom)).isEqualTo(expected());
        assertThroughputAndCallsAsInReportJson(dom);

        Path screenshot = Path.of("target/report-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium(profile, "--screenshot=" + screenshot, "--window-size=1100,1400", page.toUri().toString());
        assertThat(screenshot).isNotEmptyFile();
    }

    private static String chromium(Path profile, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(Path.of("target"), "chromium-", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium ends").isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readString(out);
    }

    /**
     * The throughput chart's bars add up to every record given an outcome, and the calls by operation and the org's
     * API budget are those of report.json.
     */
    private void assertThroughputAndCallsAsInReportJson(String page) throws Exception {
        JsonNode reportJson = reportJson();
        long outcomes = expected().values().stream().mapToLong(Long::longValue).sum();
        Matcher bar = INTERVAL.matcher(page);
        long charted = 0;
        int bars = 0;
        while (bar.find()) {
            charted += Long.parseLong(bar.group(1));
            bars++;
        }
        assertThat(page).contains("<svg id=\"throughput\"");
        assertThat(bars).isPositive();
        assertThat(charted).as("records in the throughput chart").isEqualTo(outcomes);
        assertThat(page).contains("<span id=\"throughput-records\">" + outcomes + "</span>");

        Map<String, Long> calls = new HashMap<>();
        reportJson.path("apiCalls").forEach(object -> object.fields()
                .forEachRemaining(call -> calls.merge(call.getKey(), call.getValue().asLong(), Long::sum)));
        Map<String, Long> callsShown = new HashMap<>();
        Matcher operation = OPERATION.matcher(page);
        while (operation.find()) {
            callsShown.put(operation.group(1), Long.parseLong(operation.group(2)));
        }
        assertThat(callsShown).isEqualTo(calls).containsKey("compositeUpsertSObjectCollections");

        JsonNode budget = reportJson.path("apiBudget");
        assertThat(budget.path("limit").asLong()).as("the sandbox's daily API limit, read during the run").isPositive();
        Map<String, Long> budgetShown = new HashMap<>();
        Matcher reading = BUDGET.matcher(page);
        while (reading.find()) {
            budgetShown.put(reading.group(1), Long.parseLong(reading.group(2)));
        }
        assertThat(budgetShown).isEqualTo(Map.of("remaining", budget.path("remaining").asLong(),
                "limit", budget.path("limit").asLong(), "reserve", budget.path("reserve").asLong()));
    }

    /** The numbers a page shows, by object and outcome. */
    private static Map<String, Long> shown(String page) {
        Map<String, Long> shown = new HashMap<>();
        Matcher match = SHOWN.matcher(page);
        while (match.find()) {
            shown.put(match.group(1) + "/" + match.group(2), Long.parseLong(match.group(3)));
        }
        return shown;
    }

    /** The same numbers as report.json has them. */
    private Map<String, Long> expected() throws Exception {
        Map<String, Long> expected = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> objects = reportJson().path("objects").fields();
        while (objects.hasNext()) {
            Map.Entry<String, JsonNode> object = objects.next();
            OUTCOMES.forEach(outcome -> expected.put(object.getKey() + "/" + outcome, object.getValue().path(outcome).asLong()));
        }
        assertThat(expected).isNotEmpty();
        return expected;
    }

    private JsonNode reportJson() throws Exception {
        return json.readTree(runFolder().resolve("report.json").toFile());
    }

    private Path runFolder() {
        return dataDir.resolve("runs").resolve(report.runId());
    }

    private static RequestSpecification control() {
        return given().header("Authorization", "Bearer control-token-for-tests");
    }
}
