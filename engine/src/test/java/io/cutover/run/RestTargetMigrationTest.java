package io.cutover.run;

import io.cutover.state.StateStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.cutover.sandbox.crm.GenericCrmCollection;
import io.cutover.sandbox.crm.GenericCrmStore;
import io.cutover.state.ApiCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The sample migration into a CRM other than Salesforce, over real HTTP: the generic CRM simulator as a REST target
 * (cutover.target.kind=rest), accounts upserted by legacy id, contacts searched by legacy id and then created or updated.
 */
@QuarkusTest
@QuarkusTestResource(value = GenericCrmTarget.class, restrictToAnnotatedClass = true)
class RestTargetMigrationTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    GenericCrmStore crm;
    @Inject
    ApiCalls apiCalls;
    @Inject
    @StateStore
    DataSource state;

    /**
     * One story, step by step (the first run, then reruns on what it left): each step works on what the one before left
     * in the target and the ledger.
     */
    @Test
    void aRestCrmIsMigratedThenRerunEditedRecoveredAndFixed() throws Exception {
        firstRunCreatesEveryAccountAndContactOnceWithItsAccount();
        aRerunSendsNothing();
        anEditedContactIsUpdatedByTheTargetIdTheLedgerHolds();
        aRerunAfterTheStateStoreIsLostCreatesNothingNew();
        aRecordTheCrmRefusesIsRejectedWithItsAnswerAndLoadedOnceFixed();
    }

    private void firstRunCreatesEveryAccountAndContactOnceWithItsAccount() throws IOException, SQLException {
        RunReport report = launcher.runNow();

        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 50, 0, 0, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 150, 0, 0, 0, 0, 0, 0));

        Map<String, Map<String, Object>> accounts = onePerLegacyId(GenericCrmCollection.ACCOUNTS, 50);
        Map<String, Map<String, Object>> contacts = onePerLegacyId(GenericCrmCollection.CONTACTS, 150);
        for (CSVRecord account : exportRows("accounts.csv")) {
            assertThat(accounts.get(account.get("account_id")).get("Name")).isEqualTo(account.get("name"));
        }
        for (CSVRecord contact : exportRows("contacts.csv")) {
            Map<String, Object> loaded = contacts.get(contact.get("contact_id"));
            assertThat(loaded.get("Email")).isEqualTo(contact.get("email"));
            assertThat(loaded.get("AccountId")).as("account of %s", contact.get("contact_id"))
                    .isEqualTo(accounts.get(contact.get("account_id")).get("id"));
        }
        // the CRM's ids are UUIDs, longer than Salesforce's 18 characters
        Map<String, String> ledger = ledgerTargetIds("Contact");
        assertThat(ledger).hasSize(150);
        contacts.forEach((legacyId, record) -> assertThat(ledger.get(legacyId)).isEqualTo(record.get("id")).hasSize(36));
        assertThat(apiCalls.of(report.runId())).isEqualTo(Map.of(
                "Account", Map.of("upsert", 50L),
                "Contact", Map.of("search", 150L, "create", 150L)));
    }

    private void aRerunSendsNothing() {
        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 0, 0, 50, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 0, 0, 150, 0, 0, 0, 0));
        assertThat(apiCalls.of(report.runId())).isEmpty();
        onePerLegacyId(GenericCrmCollection.CONTACTS, 150);
    }

    private void anEditedContactIsUpdatedByTheTargetIdTheLedgerHolds() throws IOException {
        MigrationTest.replaceInExport("contacts.csv", "ContactRef7,", "Computer Systems Analyst IV", "Chief Migration Officer");

        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 0, 1, 149, 0, 0, 0, 0));
        assertThat(apiCalls.of(report.runId())).isEqualTo(Map.of("Contact", Map.of("update", 1L)));
        assertThat(onePerLegacyId(GenericCrmCollection.CONTACTS, 150).get("ContactRef7").get("Title"))
                .isEqualTo("Chief Migration Officer");
    }

    private void aRerunAfterTheStateStoreIsLostCreatesNothingNew() throws SQLException {
        try (Connection connection = state.getConnection(); Statement delete = connection.createStatement()) {
            delete.executeUpdate("delete from ledger");
        }

        RunReport report = launcher.runNow();

        // found by the upsert's legacy id and by the search, so updated, never created again
        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 0, 50, 0, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 0, 150, 0, 0, 0, 0, 0));
        assertThat(apiCalls.of(report.runId())).isEqualTo(Map.of(
                "Account", Map.of("upsert", 50L),
                "Contact", Map.of("search", 150L, "update", 150L)));
        onePerLegacyId(GenericCrmCollection.ACCOUNTS, 50);
        onePerLegacyId(GenericCrmCollection.CONTACTS, 150);
    }

    private void aRecordTheCrmRefusesIsRejectedWithItsAnswerAndLoadedOnceFixed() throws IOException, SQLException {
        Files.writeString(SampleExport.exportDir.resolve("contacts.csv"),
                "ContactNew1,Funke,Tobias,lsinisbury0@dropbox.com,AccountRef1,Analrapist,5550100\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String taken = (String) onePerLegacyId(GenericCrmCollection.CONTACTS, 150).get("ContactRef1").get("id");

        RunReport rejected = launcher.runNow();

        assertThat(rejected.objects().get("Contact")).isEqualTo(new ObjectCounts(151, 0, 0, 150, 1, 0, 0, 0));
        assertThat(rejects(rejected.runId())).containsExactly("ContactNew1 HTTP_422 contacts.csv line 152 (record 151): "
                + "Contact ContactNew1: POST /contacts answered 422: {\"errors\":[{\"field\":\"Email\",\"message\":\"the contact "
                + taken + " has the email address lsinisbury0@dropbox.com already\"}]}");

        MigrationTest.replaceInExport("contacts.csv", "ContactNew1,", "lsinisbury0@dropbox.com", "tobias@example.com");
        RunReport fixed = launcher.runNow();

        assertThat(fixed.objects().get("Contact")).isEqualTo(new ObjectCounts(151, 1, 0, 150, 0, 0, 0, 0));
        assertThat(onePerLegacyId(GenericCrmCollection.CONTACTS, 151).get("ContactNew1").get("Email")).isEqualTo("tobias@example.com");
    }

    /** The collection's records by legacy id, checking that it holds the expected number, each legacy id once. */
    private Map<String, Map<String, Object>> onePerLegacyId(GenericCrmCollection collection, int expected) {
        List<Map<String, Object>> records = crm.all(collection);
        Map<Object, Long> perLegacyId = records.stream()
                .collect(Collectors.groupingBy(record -> String.valueOf(record.get(GenericCrmStore.LEGACY_ID)), Collectors.counting()));
        assertThat(perLegacyId).as("records per legacy id in %s", collection.path()).allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(records).hasSize(expected);
        return records.stream().collect(Collectors.toMap(record -> (String) record.get(GenericCrmStore.LEGACY_ID), Function.identity()));
    }

    private Map<String, String> ledgerTargetIds(String object) throws SQLException {
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement("select legacy_id, target_id from ledger where object_name = ?")) {
            select.setString(1, object);
            try (ResultSet row = select.executeQuery()) {
                Map<String, String> ids = new java.util.HashMap<>();
                while (row.next()) {
                    ids.put(row.getString(1), row.getString(2));
                }
                return ids;
            }
        }
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
}
