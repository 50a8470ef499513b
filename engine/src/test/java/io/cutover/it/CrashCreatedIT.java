package io.cutover.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/**
 * Issue #11, item 1: a migration killed (SIGKILL) while the bulk job creating its accounts is in flight, whose answer
 * is then lost, is resumed; the records the run created must still be counted loaded, and rolling the run back must
 * delete every one of them from the target.
 */
class CrashCreatedIT {

    /** Above the bulk threshold (2,000): the accounts go in one bulk job. */
    private static final int ACCOUNTS = 2_500;
    /** Below it: the contacts go through sObject collections, after their accounts. */
    private static final int CONTACTS = 20;
    private static final String JOBS = "/services/data/v60.0/jobs/ingest";

    @Test
    void recordsCreatedByAKilledAttemptAreCountedLoadedAndRolledBack() throws Exception {
        Path exportDir = Files.createTempDirectory(Path.of("target"), "crash-created-export-").toAbsolutePath();
        writeExport(exportDir);
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-created-data-").toAbsolutePath();

        PackagedApplication org = PackagedApplication.start("-Dcutover.sandbox.enabled=true", "-Dcutover.run-at-start=false");
        try {
            String orgUrl = "http://localhost:" + org.port;
            OnceModeIT.awaitReady(orgUrl, org);
            String token = OnceModeIT.token(orgUrl, "cutover-sandbox", "cutover-sandbox-secret", "admin@cutover.sandbox", "sandbox");
            // every data call takes a second: the job's answer (its state, then its result files) takes seconds to
            // reach the run after the job completed in the target, and the kill lands in between
            setLatency(orgUrl, 1000);
            Map<String, String> migration = PackagedApplication.environment(PackagedApplication.sandboxLogin(orgUrl), Map.of(
                    "CUTOVER_MODE", "once",
                    "CUTOVER_EXPORT_DIR", exportDir.toString(),
                    "CUTOVER_DATA_DIR", dataDir.toString()));

            PackagedApplication killed = PackagedApplication.start(migration, "-Dcutover.data-dir=" + dataDir);
            String jobId = awaitCompletedJob(orgUrl, token, killed);
            killed.kill();
            // the job's answer is lost for good (Salesforce forgets jobs after a week, or an admin deletes them): the
            // resumed run cannot collect it and uploads its records again, which the target then reports as updated
            given().baseUri(orgUrl).auth().oauth2(token).delete(JOBS + "/" + jobId).then().statusCode(204);
            assertThat(CrashResumeIT.queryAll(orgUrl, token, "SELECT Id FROM Account")).as("created by the killed attempt")
                    .hasSize(ACCOUNTS);
            setLatency(orgUrl, 0);

            PackagedApplication resumed = PackagedApplication.start(migration, "-Dcutover.data-dir=" + dataDir);
            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            String runId = onlyRun(dataDir);
            JsonNode report = new ObjectMapper().readTree(dataDir.resolve("runs").resolve(runId).resolve("report.json").toFile());
            assertThat(report.at("/objects/Account/loaded").asLong()).as("Account: %s", report.at("/objects/Account"))
                    .isEqualTo(ACCOUNTS);
            assertThat(report.at("/objects/Account/updated").asLong()).isZero();
            assertThat(report.at("/objects/Contact/loaded").asLong()).isEqualTo(CONTACTS);

            PackagedApplication rollback = PackagedApplication.start(migration, "-Dcutover.data-dir=" + dataDir,
                    "-Dcutover.mode=rollback", "-Dcutover.rollback.run-id=" + runId);
            assertThat(rollback.exitCode()).as(rollback.output()).isZero();
            assertThat(CrashResumeIT.queryAll(orgUrl, token, "SELECT Id FROM Contact")).as("contacts left").isEmpty();
            assertThat(CrashResumeIT.queryAll(orgUrl, token, "SELECT Id FROM Account")).as("accounts left").isEmpty();
        } finally {
            org.stop();
        }
    }

    private static void setLatency(String orgUrl, int latencyMs) {
        given().baseUri(orgUrl).contentType("application/json").body(Map.of("latencyMs", latencyMs))
                .header("Authorization", PackagedApplication.ADMIN).put("/sandbox/admin/faults").then().statusCode(200);
    }

    /** The id of the run's bulk job once the target completed it: its records are created, its answer not yet read. */
    private static String awaitCompletedJob(String orgUrl, String token, PackagedApplication run) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && run.isAlive()) {
            List<Map<String, Object>> jobs = given().baseUri(orgUrl).auth().oauth2(token).get(JOBS)
                    .then().statusCode(200).extract().jsonPath().getList("records");
            for (Map<String, Object> job : jobs) {
                if ("JobComplete".equals(job.get("state"))) {
                    return (String) job.get("id");
                }
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("No bulk job completed while the run was alive; its output:\n" + run.output());
    }

    private static String onlyRun(Path dataDir) throws IOException {
        try (Stream<Path> runs = Files.list(dataDir.resolve("runs"))) {
            List<Path> all = runs.toList();
            assertThat(all).as("one run, resumed after the kill").hasSize(1);
            return all.get(0).getFileName().toString();
        }
    }

    private static void writeExport(Path dir) throws IOException {
        try (Writer out = Files.newBufferedWriter(dir.resolve("accounts.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(GeneratedExport.ACCOUNT_COLUMNS).get())) {
            for (int n = 1; n <= ACCOUNTS; n++) {
                Object[] row = new Object[GeneratedExport.ACCOUNT_COLUMNS.length];
                row[0] = "A" + n;
                row[1] = "Account " + n;
                row[14] = "United States";
                csv.printRecord(row);
            }
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("contacts.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                        .setHeader("contact_id", "lastName", "firstName", "email", "account_id", "title", "phone").get())) {
            for (int n = 1; n <= CONTACTS; n++) {
                csv.printRecord("C" + n, "Person " + n, "Contact", "person" + n + "@example.org", "A" + n, "", "");
            }
        }
    }
}
