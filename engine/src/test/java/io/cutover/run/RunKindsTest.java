package io.cutover.run;

import io.cutover.state.StateStore;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.plan.LoadPlan;
import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The kinds of run on the sample export: a dry run loads nothing, a sample run loads a slice with its children, a full run the rest. */
@QuarkusTest
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class RunKindsTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    CamelContext context;
    @Inject
    LoadPlan plan;
    @Inject
    @StateStore
    DataSource state;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    /**
     * One story, step by step (the plan, a dry run, a sample, then the full run): each step works on what the one
     * before left in the target and the ledger.
     */
    @Test
    void aDryRunThenASampleThenAFullRunEachDoWhatTheirKindSays() throws Exception {
        parentsLoadBeforeTheirChildren();
        aDryRunValidatesEverythingWritesASampleAndLoadsNothing();
        aSampleRunLoadsTheFirstRecordsAndOnlyTheirChildren();
        aFullRunAfterTheSampleLoadsTheRest();
    }

    private void parentsLoadBeforeTheirChildren() {
        assertThat(plan.objects(context, null)).containsExactly("Account", "Contact");
    }

    private void aDryRunValidatesEverythingWritesASampleAndLoadsNothing() throws IOException, SQLException {
        RunReport report = launcher.runNow(RunRequest.of(RunKind.DRY_RUN));

        assertThat(report.mode()).isEqualTo("dry-run");
        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 0, 0, 0, 0, 0, 50, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 0, 0, 0, 0, 0, 150, 0));
        assertThat(report.calls()).isZero();
        assertThat(reasonCodes(report.runId())).containsOnlyKeys("DRY_RUN");
        JsonNode sample = new ObjectMapper().readTree(
                dataDir.resolve("runs").resolve(report.runId()).resolve("dry-run").resolve("Contact.sample.json").toFile());
        assertThat(sample).hasSize(20);
        assertThat(sample.get(0).get("Legacy_Id__c").asText()).startsWith("ContactRef");
        assertThat(sample.get(0).get("LastName").asText()).isNotBlank();
        assertThat(sample.get(0).get("AccountId").asText()).as("the stand-in for an account the run would load")
                .isEqualTo("001DRYRUN000000000");
        assertThat(new SandboxQueries(camel).query("SELECT COUNT() FROM Account").get("totalSize").asInt()).isZero();
        assertThat(ledgerEntries()).as("a dry run leaves the ledger as it is").isZero();
    }

    private void aSampleRunLoadsTheFirstRecordsAndOnlyTheirChildren() throws IOException {
        RunReport report = launcher.runNow(RunRequest.sample("5"));

        Set<String> sampledAccounts = exportRows("accounts.csv").stream().limit(5).map(row -> row.get("account_id"))
                .collect(Collectors.toSet());
        long childrenOfSample = exportRows("contacts.csv").stream().filter(row -> sampledAccounts.contains(row.get("account_id"))).count();
        assertThat(report.mode()).isEqualTo("sample");
        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 5, 0, 0, 0, 0, 45, 0));
        long contactsTaken = Math.min(5, childrenOfSample);
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, contactsTaken, 0, 0, 0, 0, 150 - contactsTaken, 0));

        SandboxQueries target = new SandboxQueries(camel);
        Map<String, String> accounts = target.byLegacyId("Account", "Id");
        assertThat(accounts.keySet()).isEqualTo(sampledAccounts);
        Map<String, String> contactAccounts = target.byLegacyId("Contact", "AccountId");
        assertThat(contactAccounts).hasSize((int) contactsTaken);
        assertThat(accounts.values()).containsAll(contactAccounts.values());
    }

    private void aFullRunAfterTheSampleLoadsTheRest() {
        RunReport report = launcher.runNow(RunRequest.of(RunKind.FULL));

        ObjectCounts accounts = report.objects().get("Account");
        assertThat(accounts).isEqualTo(new ObjectCounts(50, 45, 0, 5, 0, 0, 0, 0));
        ObjectCounts contacts = report.objects().get("Contact");
        assertThat(contacts.loaded() + contacts.unchanged()).isEqualTo(150);
        assertThat(new SandboxQueries(camel).query("SELECT COUNT() FROM Contact").get("totalSize").asInt()).isEqualTo(150);
    }

    private Map<String, Long> reasonCodes(String runId) throws SQLException {
        Map<String, Long> codes = new HashMap<>();
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select reason_code, count(*) from outcome where run_id = ? group by reason_code")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    codes.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return codes;
    }

    private long ledgerEntries() throws SQLException {
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement("select count(*) from ledger");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static java.util.List<CSVRecord> exportRows(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(SampleExport.exportDir.resolve(file))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
