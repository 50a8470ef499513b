package io.cutover.run;

import io.cutover.state.StateStore;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The sample migration end to end: CSV export, routes from routes/, camel-salesforce, the built-in sandbox, the ledger. */
@QuarkusTest
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class MigrationTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    @StateStore
    DataSource state;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    /**
     * One story, step by step (the first run, reruns on what it left, then the application's state): each step works on
     * what the one before left in the target and the ledger.
     */
    @Test
    void theSampleIsMigratedThenRerunEditedAndFixedAndTheApplicationReportsItsState() throws Exception {
        firstRunLoadsEveryAccountAndContactWithItsAccount();
        secondRunLoadsNothingAndReportsEveryRecordUnchanged();
        anEditedRowReloadsExactlyThatRecord();
        aRejectedRecordIsReportedWithItsReasonAndLoadedOnceFixed();
        routesShowTheirExchangeCountsAndTheApplicationIsReady();
        aMissingExportMakesTheApplicationUnreadyNamingIt();
    }

    private void firstRunLoadsEveryAccountAndContactWithItsAccount() throws IOException {
        RunReport report = launcher.runNow();

        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.objects()).containsOnlyKeys("Account", "Contact");
        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 50, 0, 0, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 150, 0, 0, 0, 0, 0, 0));
        assertThat(report.exitCode(0)).isZero();

        SandboxQueries target = new SandboxQueries(camel);
        Map<String, String> accountIds = target.byLegacyId("Account", "Id");
        Map<String, String> contactAccounts = target.byLegacyId("Contact", "AccountId");
        assertThat(accountIds).hasSize(50);
        assertThat(contactAccounts).hasSize(150);
        for (CSVRecord contact : exportRows("contacts.csv")) {
            String expectedAccount = accountIds.get(contact.get("account_id"));
            assertThat(expectedAccount).as("account %s of contact %s", contact.get("account_id"), contact.get("contact_id")).isNotNull();
            assertThat(contactAccounts.get(contact.get("contact_id"))).isEqualTo(expectedAccount);
        }

        JsonNode written = new ObjectMapper().readTree(dataDir.resolve("runs").resolve(report.runId()).resolve("report.json").toFile());
        assertThat(written.at("/objects/Account/loaded").asLong()).isEqualTo(50);
        assertThat(written.at("/objects/Contact/read").asLong()).isEqualTo(150);
        assertThat(written.at("/objects/Contact/loaded").asLong()).isEqualTo(150);
        assertThat(written.get("startedAt").asText()).isNotBlank();
        assertThat(written.get("endedAt").asText()).isNotBlank();
    }

    private void secondRunLoadsNothingAndReportsEveryRecordUnchanged() {
        long callsBefore = upsertCalls();

        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 0, 0, 50, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 0, 0, 150, 0, 0, 0, 0));
        assertThat(upsertCalls()).isEqualTo(callsBefore);
    }

    private void anEditedRowReloadsExactlyThatRecord() throws IOException {
        replaceInExport("contacts.csv", "ContactRef7,", "Computer Systems Analyst IV", "Chief Migration Officer");
        long callsBefore = upsertCalls();

        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 0, 0, 50, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 0, 1, 149, 0, 0, 0, 0));
        assertThat(upsertCalls()).isEqualTo(callsBefore + 1);
        assertThat(new SandboxQueries(camel).byLegacyId("Contact", "Title")).containsEntry("ContactRef7", "Chief Migration Officer");
    }

    private void aRejectedRecordIsReportedWithItsReasonAndLoadedOnceFixed() throws IOException, SQLException {
        Files.writeString(SampleExport.exportDir.resolve("contacts.csv"),
                "ContactNew1,Funke,Tobias,tobias@example.com,AccountRef999,Analrapist,5550100\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        RunReport rejected = launcher.runNow();

        assertThat(rejected.objects().get("Contact")).isEqualTo(new ObjectCounts(151, 0, 0, 150, 1, 0, 0, 0));
        assertThat(rejected.exitCode(0)).isEqualTo(1);
        assertThat(rejected.exitCode(0.01)).isZero();
        assertThat(rejects(rejected.runId())).containsExactly("ContactNew1 PARENT_NOT_LOADED contacts.csv line 152 (record 151): "
                + "Contact ContactNew1: field AccountId, value 'AccountRef999': no Account with this legacy id (column account_id) is in the target");

        replaceInExport("contacts.csv", "ContactNew1,", "AccountRef999", "AccountRef1");
        RunReport fixed = launcher.runNow();

        assertThat(fixed.objects().get("Contact")).isEqualTo(new ObjectCounts(151, 1, 0, 150, 0, 0, 0, 0));
        assertThat(new SandboxQueries(camel).byLegacyId("Contact", "AccountId"))
                .containsEntry("ContactNew1", new SandboxQueries(camel).byLegacyId("Account", "Id").get("AccountRef1"));
    }

    private void routesShowTheirExchangeCountsAndTheApplicationIsReady() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String route : List.of("migration", "read-Account", "load-Account", "read-Contact", "load-Contact", "load-salesforce-collections")) {
            assertThat(metrics).containsPattern("camel_exchanges_total\\{camelContext=\"cutover\",eventType=\"route\",kind=\"CamelRoute\",routeId=\""
                    + route + "\"} [1-9]");
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems("cutover-target", "cutover-sources",
                        "cutover-state-store", "cutover-api-budget"));
    }

    private void aMissingExportMakesTheApplicationUnreadyNamingIt() throws IOException {
        Path contacts = SampleExport.exportDir.resolve("contacts.csv");
        Path aside = contacts.resolveSibling("contacts.csv.aside");
        Files.move(contacts, aside);
        try {
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'cutover-sources' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'cutover-sources' }.data.Contact",
                            org.hamcrest.Matchers.containsString("contacts.csv is not readable"))
                    .body("checks.find { it.name == 'cutover-target' }.status", equalTo("UP"));
        } finally {
            Files.move(aside, contacts);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    private long upsertCalls() {
        return given().get("/sandbox/admin/counters").then().statusCode(200).extract().jsonPath()
                .getLong("'CompositeSObjects.upsert'");
    }

    private List<String> rejects(String runId) throws SQLException {
        List<String> rejects = new ArrayList<>();
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select legacy_id, reason_code, message from outcome where run_id = ? and outcome = 'rejected'")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rejects.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3));
                }
            }
        }
        return rejects;
    }

    private static List<CSVRecord> exportRows(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(SampleExport.exportDir.resolve(file));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    /** Replaces text in the one row of the export that starts with the given legacy id. */
    static void replaceInExport(String file, String rowStart, String from, String to) throws IOException {
        Path export = SampleExport.exportDir.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
        int edited = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(rowStart)) {
                assertThat(lines.get(i)).contains(from);
                lines.set(i, lines.get(i).replace(from, to));
                edited++;
            }
        }
        assertThat(edited).isEqualTo(1);
        Files.write(export, lines, StandardCharsets.UTF_8);
    }
}
