package io.cutover.run;

import io.cutover.state.StateStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.cutover.sandbox.crm.GenericCrmCollection;
import io.cutover.sandbox.crm.GenericCrmFaults;
import io.cutover.sandbox.crm.GenericCrmStore;
import io.cutover.state.ApiCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sample migration into the generic CRM with faults on every kind of call: 5xx, 429 with Retry-After, and writes
 * answered after the client gave up. The load step's passes send the records marked to retry again; every record
 * ends loaded, the CRM holds each once with its account, and reruns create nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = FaultyGenericCrmTarget.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestTargetFaultsMigrationTest {

    private static final Logger LOG = Logger.getLogger(RestTargetFaultsMigrationTest.class);
    private static final GenericCrmFaults.Settings FAULTS = new GenericCrmFaults.Settings(0.1, 0.05, 1, 0.03, 4000, 6L);

    @Inject
    MigrationLauncher launcher;
    @Inject
    GenericCrmStore crm;
    @Inject
    GenericCrmFaults faults;
    @Inject
    ApiCalls apiCalls;
    @Inject
    @StateStore
    DataSource state;

    @AfterAll
    void faultsOff() {
        faults.change(GenericCrmFaults.Settings.NONE);
    }

    /**
     * One story, step by step (the first run with faults on, then reruns): each step works on what the one before left
     * in the target and the ledger.
     */
    @Test
    void aFaultyRestCrmGetsEveryRecordOnceAcrossReruns() throws Exception {
        withFaultsOnEveryRecordIsLoadedOnceWithItsAccount();
        aRerunWithFaultsOnSendsNothing();
        aRerunWithFaultsOnAfterTheStateStoreIsLostCreatesNothingNew();
    }

    private void withFaultsOnEveryRecordIsLoadedOnceWithItsAccount() throws IOException {
        crm.reset();
        faults.change(FAULTS);

        RunReport report = launcher.runNow();

        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 50, 0, 0, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 150, 0, 0, 0, 0, 0, 0));
        assertTargetHoldsTheSampleOnce();
        Map<String, Map<String, Long>> calls = apiCalls.of(report.runId());
        LOG.infof("API calls with faults on: %s (without faults: Account upsert 50, Contact search 150 and create 150)", calls);
        // the faults cost calls: some were sent again
        assertThat(calls.get("Account").get("upsert") + calls.get("Contact").get("search")).isGreaterThan(200);
    }

    private void aRerunWithFaultsOnSendsNothing() throws IOException {
        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 0, 0, 50, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 0, 0, 150, 0, 0, 0, 0));
        assertTargetHoldsTheSampleOnce();
    }

    private void aRerunWithFaultsOnAfterTheStateStoreIsLostCreatesNothingNew() throws IOException, SQLException {
        try (Connection connection = state.getConnection(); Statement delete = connection.createStatement()) {
            delete.executeUpdate("delete from ledger");
        }

        RunReport report = launcher.runNow();

        // an upsert whose answer was lost, then answered "updated", may have created the record or updated it: such an
        // account counts as loaded; a contact is only ever created after a search found nothing
        ObjectCounts accounts = report.objects().get("Account");
        assertThat(accounts.loaded() + accounts.updated()).isEqualTo(50);
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 0, 150, 0, 0, 0, 0, 0));
        assertTargetHoldsTheSampleOnce();
    }

    /** Exactly the export's accounts and contacts, each once, each contact with its account, and nothing else. */
    private void assertTargetHoldsTheSampleOnce() throws IOException {
        Map<String, String> accountIds = new HashMap<>();
        List<Map<String, Object>> accounts = crm.all(GenericCrmCollection.ACCOUNTS);
        for (Map<String, Object> account : accounts) {
            assertThat(accountIds.put((String) account.get(GenericCrmStore.LEGACY_ID), (String) account.get("id")))
                    .as("a second account for %s", account.get(GenericCrmStore.LEGACY_ID)).isNull();
        }
        assertThat(accountIds.keySet()).containsExactlyInAnyOrderElementsOf(
                exportRows("accounts.csv").stream().map(row -> row.get("account_id")).toList());
        Map<String, Object> contactAccounts = new HashMap<>();
        for (Map<String, Object> contact : crm.all(GenericCrmCollection.CONTACTS)) {
            assertThat(contactAccounts.put((String) contact.get(GenericCrmStore.LEGACY_ID), contact.get("AccountId")))
                    .as("a second contact for %s", contact.get(GenericCrmStore.LEGACY_ID)).isNull();
        }
        List<CSVRecord> contacts = exportRows("contacts.csv");
        assertThat(contactAccounts).hasSameSizeAs(contacts);
        for (CSVRecord contact : contacts) {
            assertThat(contactAccounts.get(contact.get("contact_id"))).as("account of %s", contact.get("contact_id"))
                    .isEqualTo(accountIds.get(contact.get("account_id")));
        }
    }

    private static List<CSVRecord> exportRows(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(SampleExport.exportDir.resolve(file));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }
}
