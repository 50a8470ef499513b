package io.cutover.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: a 10,000-record migration, run by the packaged application in once mode, is killed with SIGKILL at
 * random moments and started again each time. In the end the target holds every record exactly once, with its values
 * and its parent, and the run's outcomes account for every record read.
 */
class CrashResumeIT {

    private static final int ACCOUNTS = 2_000;
    private static final int CONTACTS = 8_000;
    private static final int KILLS = 4;
    /** The sample export's header (samples/apex-recipes), which the mapping files read. */
    static final String[] ACCOUNT_COLUMNS = {"account_id", "name", "phone", "fax", "website", "type", "industry",
        "NumberOfEmployees", "annualrevenue", "description", "billingstreet", "billingcity", "billingstate",
        "billingpostalcode", "billingcountry", "shippingstreet", "shippingcity", "shippingstate", "shippingpostalcode"};

    @Test
    void aMigrationKilledAtRandomMomentsAndRestartedLoadsEveryRecordExactlyOnce() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path exportDir = Files.createTempDirectory(Path.of("target"), "crash-export-").toAbsolutePath();
        writeExport(exportDir);
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
            assertAccounted(report, "Account", ACCOUNTS);
            assertAccounted(report, "Contact", CONTACTS);

            slowOrg(orgUrl, 0);
            String token = OnceModeIT.token(orgUrl, "cutover-sandbox", "cutover-sandbox-secret", "admin@cutover.sandbox", "sandbox");
            List<Map<String, Object>> accounts = queryAll(orgUrl, token, "SELECT Id, Legacy_Id__c, Name FROM Account");
            List<Map<String, Object>> contacts = queryAll(orgUrl, token,
                    "SELECT Id, Legacy_Id__c, LastName, Email, AccountId FROM Contact");
            assertThat(accounts).as(attempts.toString()).hasSize(ACCOUNTS);
            assertThat(contacts).as(attempts.toString()).hasSize(CONTACTS);

            Map<String, String> accountIdByLegacyId = new HashMap<>();
            for (Map<String, Object> account : accounts) {
                String legacyId = (String) account.get("Legacy_Id__c");
                assertThat(accountIdByLegacyId.put(legacyId, (String) account.get("Id"))).as("%s loaded twice", legacyId).isNull();
                assertThat(account.get("Name")).isEqualTo(accountName(number(legacyId)));
            }
            Map<String, Boolean> seen = new HashMap<>();
            for (Map<String, Object> contact : contacts) {
                String legacyId = (String) contact.get("Legacy_Id__c");
                assertThat(seen.put(legacyId, true)).as("%s loaded twice", legacyId).isNull();
                int n = number(legacyId);
                assertThat(contact.get("LastName")).isEqualTo(lastName(n));
                assertThat(contact.get("Email")).isEqualTo(email(n));
                assertThat(contact.get("AccountId")).as("the account of %s", legacyId)
                        .isEqualTo(accountIdByLegacyId.get(accountOf(n)));
            }
        } finally {
            org.stop();
        }
    }

    private static void slowOrg(String orgUrl, int latencyMs) {
        given().baseUri(orgUrl).contentType("application/json").body(Map.of("latencyMs", latencyMs))
                .put("/sandbox/admin/faults").then().statusCode(200);
    }

    /** Kills land in the run, not in the application's start. */
    private static void awaitRunStart(PackagedApplication run) throws Exception {
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

    private static void assertAccounted(JsonNode report, String object, int records) {
        JsonNode counts = report.at("/objects/" + object);
        assertThat(counts.get("read").asLong()).as(object + " read").isEqualTo(records);
        assertThat(counts.get("loaded").asLong() + counts.get("updated").asLong()).as(object + " loaded or updated: " + counts)
                .isEqualTo(records);
        assertThat(counts.get("rejected").asLong()).as(object + " rejected").isZero();
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

    private static Path onlyReport(Path dataDir) throws IOException {
        try (Stream<Path> runs = Files.list(dataDir.resolve("runs"))) {
            List<Path> reports = runs.map(run -> run.resolve("report.json")).filter(Files::exists).toList();
            assertThat(reports).as("one run, resumed after every kill").hasSize(1);
            return reports.get(0);
        }
    }

    private static void writeExport(Path dir) throws IOException {
        try (Writer out = Files.newBufferedWriter(dir.resolve("accounts.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(ACCOUNT_COLUMNS).get())) {
            for (int n = 1; n <= ACCOUNTS; n++) {
                Object[] row = new Object[ACCOUNT_COLUMNS.length];
                row[0] = "A" + n;
                row[1] = accountName(n);
                row[14] = "United States";
                csv.printRecord(row);
            }
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("contacts.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                        .setHeader("contact_id", "lastName", "firstName", "email", "account_id", "title", "phone").get())) {
            for (int n = 1; n <= CONTACTS; n++) {
                csv.printRecord("C" + n, lastName(n), "Contact", email(n), accountOf(n), "", "");
            }
        }
    }

    private static int number(String legacyId) {
        return Integer.parseInt(legacyId.substring(1));
    }

    private static String accountName(int n) {
        return "Account " + n;
    }

    private static String lastName(int n) {
        return "Person " + n;
    }

    private static String email(int n) {
        return "person" + n + "@example.org";
    }

    private static String accountOf(int contact) {
        return "A" + (1 + (contact * 7919) % ACCOUNTS);
    }
}
