package io.cutover.run;

import io.cutover.state.StateStore;
import static io.cutover.run.ExportEdits.appendRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
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
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A run's rejects files, fixed by hand as a user would, loaded by a requeue run into the target and the ledger. */
@QuarkusTest
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class RejectsRequeueTest {

    /** The rejects file the documentation shows (docs/rejects-and-rollback.md): the run below writes exactly this. */
    private static final Path DOCUMENTED_CONTACT_REJECTS = Path.of("engine/src/test/resources/rejects/Contact.csv");

    private static Path rejects;

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
     * One story, step by step (a run with rejects, their requeue, then a bad folder): each step works on what the one
     * before left in the target and the ledger.
     */
    @Test
    void rejectsAreWrittenRequeuedFixedAndABadRequeueFolderIsRefused() throws Exception {
        aRunWritesItsRejectsPerObjectWithTheSourceColumnsTheReasonAndFormulasNeutralised();
        aRequeueRunLoadsTheFixedRejectsAndTheLedgerHasThem();
        aRequeueFolderWithAFileNamedAfterNoObjectOrWithoutTheLegacyIdIsRefusedBeforeTheRun();
    }

    private void aRunWritesItsRejectsPerObjectWithTheSourceColumnsTheReasonAndFormulasNeutralised() throws Exception {
        appendRows("accounts.csv",
                "AccountNew1,-Dash Corp,+13025550100,,@site,Customer,Fishing,10,100,\"=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\",,,,,,,,,");
        appendRows("contacts.csv",
                "ContactNew1,Funke,Tobias,tobias@example.com,AccountRef999,=1+2,5550100",
                "ContactNew2,Bluth,Lindsay,lindsay@example.com,AccountNew1,'=literal,5550101");

        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(51, 50, 0, 0, 1, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(152, 150, 0, 0, 2, 0, 0, 0));
        rejects = dataDir.resolve("runs").resolve(report.runId()).resolve("rejects");
        assertThat(rejects.resolve("Account.csv")).exists();
        assertThat(rejects.resolve("Contact.csv")).exists();
        assertThat(Files.list(rejects).map(file -> file.getFileName().toString()).toList())
                .containsExactlyInAnyOrder("Account.csv", "Contact.csv");

        List<CSVRecord> accounts = read(rejects.resolve("Account.csv"));
        List<String> exportHeader = header(SampleExport.exportDir.resolve("accounts.csv"));
        List<String> expectedHeader = new ArrayList<>(exportHeader);
        expectedHeader.addAll(List.of("ERROR", "cutover_reason_code", "cutover_source"));
        assertThat(header(rejects.resolve("Account.csv"))).isEqualTo(expectedHeader);
        assertThat(accounts).hasSize(1);
        CSVRecord account = accounts.get(0);
        assertThat(account.get("account_id")).isEqualTo("AccountNew1");
        assertThat(account.get("name")).isEqualTo("'-Dash Corp");
        assertThat(account.get("phone")).isEqualTo("'+13025550100");
        assertThat(account.get("website")).isEqualTo("'@site");
        assertThat(account.get("description")).isEqualTo("'=HYPERLINK(\"http://example.com\",\"click\")");
        assertThat(account.get("industry")).isEqualTo("Fishing");
        assertThat(account.get("cutover_reason_code")).isEqualTo("UNMAPPED_VALUE");
        assertThat(account.get("cutover_source")).isEqualTo("accounts.csv line 52 (record 51)");
        assertThat(account.get("ERROR")).isEqualTo(outcomeMessage(report.runId(), "Account", "AccountNew1"))
                .startsWith("accounts.csv line 52 (record 51): Account AccountNew1: field Industry, value 'Fishing'");

        assertThat(Files.readString(rejects.resolve("Contact.csv"))).isEqualTo(Files.readString(DOCUMENTED_CONTACT_REJECTS));
        List<CSVRecord> contacts = read(rejects.resolve("Contact.csv"));
        assertThat(contacts).extracting(row -> row.get("title")).containsExactly("'=1+2", "''=literal");
        assertThat(contacts).extracting(row -> row.get("cutover_reason_code")).containsExactly("PARENT_NOT_LOADED", "PARENT_NOT_LOADED");
    }

    private void aRequeueRunLoadsTheFixedRejectsAndTheLedgerHasThem() throws Exception {
        Path fixed = Files.createDirectories(rejects.getParent().resolve("fixed"));
        // fixed in a spreadsheet that saves with semicolons and CRLF: the contact gets an existing account, the
        // account an industry the value map knows; every other cell stays as the rejects file had it
        fix(rejects.resolve("Account.csv"), fixed.resolve("Account.csv"), CSVFormat.DEFAULT.builder().setDelimiter(';').get(),
                row -> row.put("industry", "Tobacco"));
        fix(rejects.resolve("Contact.csv"), fixed.resolve("Contact.csv"), CSVFormat.DEFAULT,
                row -> row.computeIfPresent("account_id", (column, value) -> value.equals("AccountRef999") ? "AccountRef1" : value));

        RunReport requeue = launcher.requeue(fixed);

        assertThat(requeue.mode()).isEqualTo("requeue");
        assertThat(requeue.status()).isEqualTo("completed");
        assertThat(requeue.objects().get("Account")).isEqualTo(new ObjectCounts(1, 1, 0, 0, 0, 0, 0, 0));
        assertThat(requeue.objects().get("Contact")).isEqualTo(new ObjectCounts(2, 2, 0, 0, 0, 0, 0, 0));
        assertThat(requeue.exitCode(0)).isZero();
        assertThat(dataDir.resolve("runs").resolve(requeue.runId()).resolve("rejects")).as("no rejects, no file").doesNotExist();

        SandboxQueries target = new SandboxQueries(camel);
        var account = target.query("SELECT Id, Name, Phone, Website, Industry, Description FROM Account "
                + "WHERE Legacy_Id__c = 'AccountNew1'").get("records").get(0);
        assertThat(account.get("Name").asText()).as("the spreadsheet escaping is undone").isEqualTo("-Dash Corp");
        assertThat(account.get("Website").asText()).isEqualTo("@site");
        assertThat(account.get("Description").asText()).isEqualTo("=HYPERLINK(\"http://example.com\",\"click\")");
        assertThat(account.get("Industry").asText()).isEqualTo("Agriculture");
        Map<String, String> titles = target.byLegacyId("Contact", "Title");
        assertThat(titles).containsEntry("ContactNew1", "=1+2").containsEntry("ContactNew2", "'=literal");
        Map<String, String> accountIds = target.byLegacyId("Account", "Id");
        Map<String, String> contactIds = target.byLegacyId("Contact", "Id");
        Map<String, String> contactAccounts = target.byLegacyId("Contact", "AccountId");
        assertThat(contactAccounts).containsEntry("ContactNew1", accountIds.get("AccountRef1"))
                .containsEntry("ContactNew2", accountIds.get("AccountNew1"));

        assertThat(ledgerTargetId("Account", "AccountNew1")).isEqualTo(account.get("Id").asText());
        assertThat(ledgerTargetId("Contact", "ContactNew1")).isEqualTo(contactIds.get("ContactNew1"));
        assertThat(ledgerTargetId("Contact", "ContactNew2")).isEqualTo(contactIds.get("ContactNew2"));
        assertThat(outcomes(requeue.runId(), "Contact")).containsExactly(
                "ContactNew1 loaded Contact.csv line 2 (record 1)", "ContactNew2 loaded Contact.csv line 3 (record 2)");
    }

    private void aRequeueFolderWithAFileNamedAfterNoObjectOrWithoutTheLegacyIdIsRefusedBeforeTheRun() throws IOException {
        Path misnamed = Files.createDirectories(rejects.getParent().resolve("misnamed"));
        Files.copy(rejects.resolve("Account.csv"), misnamed.resolve("Acount.csv"));
        assertThatThrownBy(() -> launcher.requeue(misnamed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Acount.csv is not named after a described object");

        Path noLegacyId = Files.createDirectories(rejects.getParent().resolve("no-legacy-id"));
        Files.writeString(noLegacyId.resolve("Contact.csv"), "lastName,firstName\nFunke,Tobias\n");
        assertThatThrownBy(() -> launcher.requeue(noLegacyId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Contact.csv has no column contact_id, the legacy id of Contact");
    }

    /** Rewrites a rejects file as a spreadsheet would save it, with one edit per row. */
    private static void fix(Path from, Path to, CSVFormat saveAs, Consumer<Map<String, String>> edit) throws IOException {
        List<String> header = header(from);
        try (Writer out = Files.newBufferedWriter(to, StandardCharsets.UTF_8); CSVPrinter csv = new CSVPrinter(out, saveAs)) {
            csv.printRecord(header);
            for (CSVRecord row : read(from)) {
                Map<String, String> values = row.toMap();
                edit.accept(values);
                csv.printRecord(header.stream().map(values::get).toList());
            }
        }
    }

    private static List<String> header(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file); CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
            return parser.iterator().next().toList();
        }
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    private String outcomeMessage(String runId, String object, String legacyId) throws SQLException {
        return single("select message from outcome where run_id = ? and object_name = ? and legacy_id = ?", runId, object, legacyId);
    }

    private String ledgerTargetId(String object, String legacyId) throws SQLException {
        return single("select target_id from ledger where object_name = ? and legacy_id = ?", object, legacyId);
    }

    private List<String> outcomes(String runId, String object) throws SQLException {
        List<String> outcomes = new ArrayList<>();
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement("select legacy_id, outcome, source_ref from outcome "
                        + "where run_id = ? and object_name = ? order by record_no")) {
            select.setString(1, runId);
            select.setString(2, object);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    outcomes.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3));
                }
            }
        }
        return outcomes;
    }

    private String single(String query, String... parameters) throws SQLException {
        try (Connection connection = state.getConnection(); PreparedStatement select = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("%s %s", query, List.of(parameters)).isTrue();
                return row.getString(1);
            }
        }
    }
}
