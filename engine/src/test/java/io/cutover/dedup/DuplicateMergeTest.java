package io.cutover.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.SandboxQueries;
import io.cutover.state.StateStore;
import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Merge mode on the sample export with an account entered twice (AccountDup1: AccountRef1 again, with its legal form,
 * its phone written another way, and the industry AccountRef1 lacks) and a contact of the second one: one account
 * loaded, which takes the industry; the other merged naming it; the contact under the survivor. A rerun changes
 * nothing; the merged record read again without its duplicate is skipped, not created.
 */
@QuarkusTest
@TestProfile(DuplicateMergeTest.MergeMode.class)
@QuarkusTestResource(value = DuplicateMergeTest.AccountEnteredTwice.class, restrictToAnnotatedClass = true)
class DuplicateMergeTest {

    public static class MergeMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.matching.mode", "merge");
        }
    }

    public static class AccountEnteredTwice implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                Path folder = Files.createTempDirectory(Path.of("target"), "merge-test-").toAbsolutePath();
                Path export = Files.createDirectories(folder.resolve("export"));
                try (var files = Files.list(Path.of("samples/apex-recipes"))) {
                    for (Path file : files.toList()) {
                        Files.copy(file, export.resolve(file.getFileName().toString()));
                    }
                }
                Files.writeString(export.resolve("accounts.csv"), "AccountDup1,Zoonoodle 37 Inc.,302-556-4395,,,Customer,"
                        + "Major Banks,,,,4 Del Mar Pass,Newark,DE,19725,United States,,,,\n", StandardOpenOption.APPEND);
                Files.writeString(export.resolve("contacts.csv"), "ContactOfDup1,Merged,Mira,mira@example.com,AccountDup1,"
                        + "Buyer,\n", StandardOpenOption.APPEND);
                return SalesforceSandbox.on(Map.of("cutover.export.dir", export.toString(),
                        "cutover.data-dir", folder.resolve("data").toString(),
                        "cutover.sandbox.storage", "memory"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
        }
    }

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    @StateStore
    DataSource state;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    @Test
    void theDuplicateIsMergedIntoItsSurvivorWhichTakesItsChildrenAndARerunChangesNothing() throws Exception {
        RunReport first = launcher.runNow();

        ObjectCounts accounts = first.objects().get("Account");
        assertThat(accounts.read()).isEqualTo(51);
        assertThat(accounts.loaded()).isEqualTo(50);
        assertThat(accounts.merged()).isEqualTo(1);
        assertThat(first.objects().get("Contact").loaded()).as("no contact entered twice").isEqualTo(151);
        assertThat(outcome(first.runId(), "AccountDup1")).startsWith("merged MERGED accounts.csv line 52 (record 51): "
                + "Account AccountDup1: merged into AccountRef1 (accounts.csv line 2 (record 1)): duplicates by")
                .contains("the survivor took [Industry]");
        SandboxQueries target = new SandboxQueries(camel);
        assertThat(target.query("SELECT Id FROM Account WHERE Legacy_Id__c = 'AccountDup1'").get("totalSize").asInt())
                .isZero();
        String survivor = target.query("SELECT Id, Industry FROM Account WHERE Legacy_Id__c = 'AccountRef1'")
                .at("/records/0/Id").asText();
        assertThat(target.query("SELECT Industry FROM Account WHERE Id = '" + survivor + "'").at("/records/0/Industry")
                .asText()).isEqualTo("Banking");
        assertThat(target.query("SELECT AccountId FROM Contact WHERE Legacy_Id__c = 'ContactOfDup1'")
                .at("/records/0/AccountId").asText()).as("the merged account's contact, under the survivor").isEqualTo(survivor);
        List<CSVRecord> review = review(first.runId());
        assertThat(review).extracting(row -> row.get("legacy_id") + " " + row.get("decision"))
                .containsExactly("AccountRef1 survivor", "AccountDup1 merged");

        RunReport rerun = launcher.runNow();
        assertThat(rerun.objects().get("Account").unchanged()).isEqualTo(50);
        assertThat(rerun.objects().get("Account").merged()).isEqualTo(1);
        assertThat(rerun.objects().get("Contact").unchanged()).isEqualTo(151);
        assertThat(rerun.calls()).as("nothing written").isZero();

        // the duplicate edited so that it no longer matches: loading it would create the account the merge removed
        List<String> lines = Files.readAllLines(exportDir().resolve("accounts.csv"));
        lines.set(lines.size() - 1, lines.get(lines.size() - 1).replace("Zoonoodle 37 Inc.,302-556-4395",
                "Quinu Holdings,302-556-0000"));
        Files.write(exportDir().resolve("accounts.csv"), lines);
        RunReport afterEdit = launcher.runNow();
        assertThat(afterEdit.objects().get("Account").skipped()).isEqualTo(1);
        assertThat(outcome(afterEdit.runId(), "AccountDup1")).startsWith("skipped MERGED_EARLIER");
        assertThat(target.query("SELECT Id FROM Account WHERE Legacy_Id__c = 'AccountDup1'").get("totalSize").asInt())
                .isZero();
        assertThat(target.query("SELECT AccountId FROM Contact WHERE Legacy_Id__c = 'ContactOfDup1'")
                .at("/records/0/AccountId").asText()).isEqualTo(survivor);
    }

    private Path exportDir() {
        return dataDir.resolveSibling("export");
    }

    private List<CSVRecord> review(String runId) throws IOException {
        Path file = dataDir.resolve("runs").resolve(runId).resolve("duplicates").resolve("Account.csv");
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private String outcome(String runId, String legacyId) throws SQLException {
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement("select outcome, reason_code, message from outcome "
                        + "where run_id = ? and object_name = 'Account' and legacy_id = ?")) {
            select.setString(1, runId);
            select.setString(2, legacyId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1) + " " + row.getString(2) + " " + row.getString(3);
            }
        }
    }
}
