package io.cutover.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.mapping.MappingTools;
import io.cutover.mapping.profile.ProfileLimits;
import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.RunRequest;
import io.cutover.run.SandboxQueries;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two subsidiaries' CRMs into one org (samples/regional-exports): accounts exported by each, in its charset and with
 * its delimiter, the Romanian ones in two parts, both numbering their ids from 1; contacts referring to their own CRM's
 * accounts.
 */
@QuarkusTest
@QuarkusTestResource(value = RegionalExports.class, restrictToAnnotatedClass = true)
class SeveralExportsMigrationTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    MappingTools tools;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    /**
     * One story, step by step (the first run, its rerun, a requeue and a sample): each step works on what the one
     * before left in the target and the ledger.
     */
    @Test
    void twoCrmsExportsAreMigratedRerunRequeuedAndSampledUnderTheirOwnNamespaces(@TempDir Path profileFolder) throws Exception {
        everyRecordOfEveryExportIsLoadedOnceUnderItsNamespacedIdAndEachContactUnderItsOwnCrmsAccount();
        aRerunChangesNothing();
        aRejectedContactIsRequeuedUnderItsSourcesNamespaceWithItsSourcesParent();
        theProfileReadsEveryExportOfTheObject(profileFolder);
        aSampleTakesTheContactsOfTheAccountsItTookFromTheSameCrm();
    }

    private void everyRecordOfEveryExportIsLoadedOnceUnderItsNamespacedIdAndEachContactUnderItsOwnCrmsAccount()
            throws IOException {
        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(6, 6, 0, 0, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(4, 4, 0, 0, 0, 0, 0, 0));
        assertThat(report.exitCode(0)).isZero();
        SandboxQueries target = new SandboxQueries(camel);
        assertThat(target.byLegacyId("Account", "Name")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fr:1", "Société Générale Services", "fr:2", "Boulangerie Dupré", "fr:3", "Café de l'Opéra",
                "ro:1", "Brutăria Ştefan", "ro:2", "Cofetăria Ana", "ro:3", "Tipografia Nouă"));
        assertThat(target.byLegacyId("Account", "BillingCountry")).containsEntry("fr:2", "France")
                .containsEntry("ro:3", "Romania");
        assertThat(target.byLegacyId("Account", "Description")).containsEntry("fr:1", "Zoho FR")
                .containsEntry("ro:1", "Salesforce RO");

        Map<String, String> accountIds = target.byLegacyId("Account", "Id");
        assertThat(target.byLegacyId("Contact", "AccountId")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fr:1", accountIds.get("fr:1"), "fr:2", accountIds.get("fr:3"),
                "ro:1", accountIds.get("ro:1"), "ro:2", accountIds.get("ro:3")));
        assertThat(target.byLegacyId("Contact", "FirstName")).containsEntry("fr:2", "Hélène").containsEntry("ro:2", "Mihai");

        List<CSVRecord> loaded = read(dataDir.resolve("runs").resolve(report.runId()).resolve("success")
                .resolve("Account.csv"));
        assertThat(loaded).extracting(row -> row.get(SourceRecord.SOURCE_NAME_COLUMN) + " " + row.get("name"))
                .containsExactlyInAnyOrder("fr Société Générale Services", "fr Boulangerie Dupré", "fr Café de l'Opéra",
                        "ro Brutăria Ştefan", "ro Cofetăria Ana", "ro Tipografia Nouă");
    }

    private void aRerunChangesNothing() {
        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(6, 0, 0, 6, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(4, 0, 0, 4, 0, 0, 0, 0));
    }

    private void aRejectedContactIsRequeuedUnderItsSourcesNamespaceWithItsSourcesParent() throws IOException {
        Files.writeString(RegionalExports.root.resolve("export/contacts-ro.csv"),
                "3,Georgescu,Elena,elena.georgescu@example.ro,9\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(5, 0, 0, 4, 1, 0, 0, 0));
        Path rejects = dataDir.resolve("runs").resolve(report.runId()).resolve("rejects");
        CSVRecord rejected = read(rejects.resolve("Contact.csv")).get(0);
        assertThat(rejected.get("cod")).isEqualTo("3");
        assertThat(rejected.get("account_id")).isEqualTo("9");
        assertThat(rejected.get(SourceRecord.SOURCE_NAME_COLUMN)).isEqualTo("ro");
        assertThat(rejected.get("cutover_source")).as("numbered after the French contacts")
                .isEqualTo("contacts-ro.csv line 4 (record 5)");
        assertThat(rejected.get("cutover_reason_code")).isEqualTo("PARENT_NOT_LOADED");
        assertThat(rejected.get("ERROR")).contains("ro:9");

        Path fixed = Files.createDirectories(rejects.getParent().resolve("fixed"));
        try (Writer out = Files.newBufferedWriter(fixed.resolve("Contact.csv"));
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(rejected.getParser().getHeaderNames());
            csv.printRecord(rejected.getParser().getHeaderNames().stream()
                    .map(column -> column.equals("account_id") ? "2" : rejected.get(column)).toList());
        }
        RunReport requeue = launcher.requeue(fixed);

        assertThat(requeue.objects().get("Contact")).isEqualTo(new ObjectCounts(1, 1, 0, 0, 0, 0, 0, 0));
        SandboxQueries target = new SandboxQueries(camel);
        assertThat(target.byLegacyId("Contact", "AccountId")).containsEntry("ro:3",
                target.byLegacyId("Account", "Id").get("ro:2"));
        assertThat(target.byLegacyId("Contact", "LastName")).hasSize(5).containsEntry("ro:3", "Georgescu");
    }

    private void theProfileReadsEveryExportOfTheObject(Path folder) throws IOException {
        tools.profile(folder, ProfileLimits.DEFAULTS);

        JsonNode account = new ObjectMapper().readTree(folder.resolve("profile.json").toFile()).get(0);
        assertThat(account.get("object").asText()).isEqualTo("Account");
        assertThat(account.get("file").asText()).isEqualTo("accounts-fr.csv, accounts-ro-*.csv");
        assertThat(account.get("records").asLong()).isEqualTo(6);
        assertThat(account.get("duplicateLegacyIds").asLong()).as("1, 2 and 3 in each CRM, namespaced").isZero();
        assertThat(account.get("legacyIdColumn").asText()).isEqualTo("id, cod");
    }

    private void aSampleTakesTheContactsOfTheAccountsItTookFromTheSameCrm() {
        RunReport report = launcher.runNow(RunRequest.sample("2"));

        assertThat(report.objects().get("Account")).as("fr:1 and fr:2").isEqualTo(new ObjectCounts(6, 0, 0, 2, 0, 0, 4, 0));
        assertThat(report.objects().get("Contact")).as("fr:1, under fr:1; not ro:1, under ro:1")
                .isEqualTo(new ObjectCounts(5, 0, 0, 1, 0, 0, 4, 0));
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
