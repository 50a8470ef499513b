package io.cutover.run;

import io.cutover.state.StateStore;
import static io.cutover.run.ExportEdits.appendRows;
import static io.cutover.run.ExportEdits.replaceInRow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutover.mapping.MappingCatalog;
import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.cutover.rollback.RollbackCommand;
import io.cutover.rollback.RollbackReport;
import io.cutover.state.ApiCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Rollback against the built-in sandbox: a run that updates and creates records is rolled back, and the target and the
 * ledger are what they were before it, record by record and field by field.
 */
@QuarkusTest
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class RollbackTest {

    private static String firstRun;
    private static String secondRun;
    private static String thirdRun;
    private static Map<String, Map<String, JsonNode>> targetBefore;
    private static List<String> ledgerBefore;

    @Inject
    MigrationLauncher launcher;
    @Inject
    RollbackCommand rollback;
    @Inject
    ProducerTemplate camel;
    @Inject
    @StateStore
    DataSource state;
    @Inject
    MappingCatalog mappings;
    @Inject
    ApiCalls apiCalls;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    /**
     * One story, step by step (runs, then their rollbacks): each step works on what the one before left in the target
     * and the ledger.
     */
    @Test
    void runsAreRolledBackOneAfterAnotherToAnEmptyTarget() throws Exception {
        aRunThatUpdatesAndCreatesKeepsTheBeforeImagesOfWhatItUpdates();
        rollingTheRunBackRestoresTheTargetAndTheLedgerRecordByRecordFieldByField();
        theNextRunSendsTheRolledBackChangesAgain();
        aRunIsRolledBackOnlyOnceAndOnlyWhenNoLaterRunCreatedOrUpdatedRecords();
        rollingBackTheLatestRunThenTheFirstLeavesAnEmptyTargetAndAnEmptyLedger();
    }

    private void aRunThatUpdatesAndCreatesKeepsTheBeforeImagesOfWhatItUpdates() throws Exception {
        RunReport first = launcher.runNow();
        assertThat(first.objects().get("Account")).isEqualTo(new ObjectCounts(50, 50, 0, 0, 0, 0, 0, 0));
        firstRun = first.runId();
        targetBefore = target();
        ledgerBefore = ledger();
        assertThat(targetBefore.get("Account")).hasSize(50);
        assertThat(targetBefore.get("Contact")).hasSize(150);
        assertThat(fieldOf("Account", "AccountRef1", "Industry").isNull()).as("n/a maps to no industry").isTrue();

        // edits: a renamed account that gets an industry it had none of, a new description; two new accounts;
        // a contact moved to a new account, a new title, an emptied phone; two new contacts
        replaceInRow("accounts.csv", "AccountRef1", "Zoonoodle 37,", "Zoonoodle Renamed,");
        replaceInRow("accounts.csv", "AccountRef1", ",n/a,", ",Tobacco,");
        replaceInRow("accounts.csv", "AccountRef2", "Sample description 2203", "Rewritten description");
        appendRows("accounts.csv",
                "AccountNew1,Newco 1,,,,Customer,Tobacco,10,1000,,,,,,,,,,",
                "AccountNew2,Newco 2,,,,Partner,n/a,20,2000,,,,,,,,,,");
        replaceInRow("contacts.csv", "ContactRef2", "AccountRef1", "AccountNew1");
        replaceInRow("contacts.csv", "ContactRef7", "Computer Systems Analyst IV", "Chief Migration Officer");
        replaceInRow("contacts.csv", "ContactRef3", ",7661751814", ",");
        appendRows("contacts.csv",
                "ContactNew1,Funke,Tobias,tobias@example.com,AccountNew1,Analyst,5550100",
                "ContactNew2,Bluth,Lindsay,lindsay@example.com,AccountRef5,,5550101");

        RunReport second = launcher.runNow();
        secondRun = second.runId();

        assertThat(second.objects().get("Account")).isEqualTo(new ObjectCounts(52, 2, 2, 48, 0, 0, 0, 0));
        assertThat(second.objects().get("Contact")).isEqualTo(new ObjectCounts(152, 2, 3, 147, 0, 0, 0, 0));
        assertThat(fieldOf("Account", "AccountRef1", "Industry").asText()).isEqualTo("Agriculture");
        assertThat(fieldOf("Contact", "ContactRef3", "Phone").isNull()).isTrue();
        assertThat(beforeImages(secondRun)).containsOnlyKeys("Account/AccountRef1", "Account/AccountRef2",
                "Contact/ContactRef2", "Contact/ContactRef3", "Contact/ContactRef7");
        JsonNode renamed = new ObjectMapper().readTree(beforeImages(secondRun).get("Account/AccountRef1"));
        assertThat(renamed.get("Name").asText()).isEqualTo("Zoonoodle 37");
        assertThat(renamed.get("Industry").isNull()).isTrue();
        assertThat(renamed.has("Legacy_Id__c")).as("the external id is not changed by an update").isFalse();
        assertThat(new ObjectMapper().readTree(beforeImages(secondRun).get("Contact/ContactRef3")).get("Phone").asText())
                .isEqualTo(targetBefore.get("Contact").get(idOf("Contact", "ContactRef3")).get("Phone").asText());
        // one query per batch that updates records
        assertThat(apiCalls.of(secondRun).get("Account")).containsEntry("query", 1L);
        assertThat(apiCalls.of(secondRun).get("Contact")).containsEntry("query", 1L);
        assertThat(apiCalls.of(firstRun).get("Contact")).as("a run that only creates reads nothing back").doesNotContainKey("query");
    }

    private void rollingTheRunBackRestoresTheTargetAndTheLedgerRecordByRecordFieldByField() throws Exception {
        RollbackReport report = rollback.rollBack(secondRun);

        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.failures()).isEmpty();
        assertThat(report.exitCode()).isZero();
        assertThat(report.objects().keySet()).as("children first").containsExactly("Contact", "Account");
        assertThat(report.objects().get("Contact")).isEqualTo(new RollbackReport.ObjectRollback(2, 0, 3, 0));
        assertThat(report.objects().get("Account")).isEqualTo(new RollbackReport.ObjectRollback(2, 0, 2, 0));

        Map<String, Map<String, JsonNode>> targetAfter = target();
        for (String object : List.of("Account", "Contact")) {
            assertThat(targetAfter.get(object).keySet()).as("%s records", object).isEqualTo(targetBefore.get(object).keySet());
            targetBefore.get(object).forEach((id, fields) -> assertThat(targetAfter.get(object).get(id))
                    .as("%s %s", object, id).isEqualTo(fields));
        }
        assertThat(ledger()).isEqualTo(ledgerBefore);
        assertThat(ledgerRunOf("Account", "AccountRef1")).as("the entry's run and outcome come back too").isEqualTo(firstRun + " loaded");

        Map<String, Map<String, Long>> calls = apiCalls.of(report.rollbackRunId());
        for (String object : List.of("Contact", "Account")) {
            assertThat(calls.get(object)).as("%s calls", object).containsEntry("compositeDeleteSObjectCollections", 1L)
                    .containsEntry("compositeUpdateSObjectCollections", 1L);
        }
        assertThat(calls.values().stream().mapToLong(byOperation -> byOperation.getOrDefault("limits", 0L)).sum())
                .as("the rollback's calls go through the API budget, which reads the org's limits").isPositive();
        JsonNode written = new ObjectMapper().readTree(dataDir.resolve("runs").resolve(secondRun).resolve("rollback.json").toFile());
        assertThat(written.at("/objects/Contact/deleted").asLong()).isEqualTo(2);
        assertThat(written.at("/objects/Account/restored").asLong()).isEqualTo(2);
        assertThat(runStatus(secondRun)).isEqualTo("rolled back");
        assertThat(runStatus(report.rollbackRunId())).isEqualTo("completed");
    }

    private void theNextRunSendsTheRolledBackChangesAgain() {
        RunReport third = launcher.runNow();
        thirdRun = third.runId();

        assertThat(third.objects().get("Account")).isEqualTo(new ObjectCounts(52, 2, 2, 48, 0, 0, 0, 0));
        assertThat(third.objects().get("Contact")).isEqualTo(new ObjectCounts(152, 2, 3, 147, 0, 0, 0, 0));
    }

    private void aRunIsRolledBackOnlyOnceAndOnlyWhenNoLaterRunCreatedOrUpdatedRecords() {
        RollbackReport again = rollback.rollBack(secondRun);
        assertThat(again.status()).isEqualTo("refused");
        assertThat(again.error()).contains("already rolled back");
        assertThat(again.exitCode()).isEqualTo(2);

        RollbackReport first = rollback.rollBack(firstRun);
        assertThat(first.status()).isEqualTo("refused");
        assertThat(first.error()).contains("run " + thirdRun + ": 9 records");
        assertThat(first.exitCode()).isEqualTo(2);

        RollbackReport unknown = rollback.rollBack("no-such-run");
        assertThat(unknown.error()).isEqualTo("there is no run no-such-run");
        assertThat(unknown.exitCode()).isEqualTo(2);
    }

    private void rollingBackTheLatestRunThenTheFirstLeavesAnEmptyTargetAndAnEmptyLedger() throws Exception {
        // someone deleted one of the records the third run created, in the target
        camel.requestBodyAndHeaders("salesforce:deleteSObject", null,
                Map.of("sObjectName", "Contact", "sObjectId", idOf("Contact", "ContactNew1")));

        RollbackReport third = rollback.rollBack(thirdRun);

        assertThat(third.exitCode()).isZero();
        assertThat(third.objects().get("Contact")).isEqualTo(new RollbackReport.ObjectRollback(1, 1, 3, 0));
        assertThat(ledger()).isEqualTo(ledgerBefore);
        assertThat(target()).isEqualTo(targetBefore);

        RollbackReport first = rollback.rollBack(firstRun);

        assertThat(first.exitCode()).isZero();
        assertThat(first.objects().get("Contact")).isEqualTo(new RollbackReport.ObjectRollback(150, 0, 0, 0));
        assertThat(first.objects().get("Account")).isEqualTo(new RollbackReport.ObjectRollback(50, 0, 0, 0));
        Map<String, Map<String, JsonNode>> target = target();
        assertThat(target.get("Account")).isEmpty();
        assertThat(target.get("Contact")).isEmpty();
        assertThat(ledger()).isEmpty();
    }

    /** Object -> target id -> the record's id, external id and every mapped field, as the target answers. */
    private Map<String, Map<String, JsonNode>> target() {
        SandboxQueries queries = new SandboxQueries(camel);
        Map<String, Map<String, JsonNode>> target = new TreeMap<>();
        for (String object : List.of("Account", "Contact")) {
            List<String> fields = new ArrayList<>(List.of("Id", "Legacy_Id__c"));
            fields.addAll(mappings.forObject(object).fields().keySet());
            Map<String, JsonNode> records = new TreeMap<>();
            queries.query("SELECT " + String.join(", ", fields) + " FROM " + object).get("records").forEach(record -> {
                ((ObjectNode) record).remove("attributes");
                records.put(record.get("Id").asText(), record);
            });
            target.put(object, records);
        }
        return target;
    }

    private String idOf(String object, String legacyId) {
        return new SandboxQueries(camel).byLegacyId(object, "Id").get(legacyId);
    }

    private JsonNode fieldOf(String object, String legacyId, String field) {
        return new SandboxQueries(camel).query("SELECT " + field + " FROM " + object + " WHERE Legacy_Id__c = '" + legacyId + "'")
                .get("records").get(0).get(field);
    }

    /** Every ledger entry: object, legacy id, target id, content hash. */
    private List<String> ledger() throws SQLException {
        return rows("select object_name, legacy_id, target_id, content_hash from ledger order by object_name, legacy_id", null);
    }

    private String ledgerRunOf(String object, String legacyId) throws SQLException {
        return rows("select run_id, outcome from ledger where object_name || '/' || legacy_id = ?", object + "/" + legacyId).get(0);
    }

    private String runStatus(String runId) throws SQLException {
        return rows("select status from run where id = ?", runId).get(0);
    }

    /** Object/legacy id -> the kept field values (JSON) of the run's before-images. */
    private Map<String, String> beforeImages(String runId) throws SQLException {
        Map<String, String> images = new TreeMap<>();
        rows("select object_name || '/' || legacy_id || ' ' || field_values from before_image where run_id = ?", runId)
                .forEach(row -> images.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1)));
        return images;
    }

    private List<String> rows(String query, String parameter) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = state.getConnection(); PreparedStatement select = connection.prepareStatement(query)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet row = select.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(row.getString(i));
                    }
                    rows.add(String.join(" ", values));
                }
            }
        }
        return rows;
    }
}
