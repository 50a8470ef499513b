package io.cutover.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.cutover.rollback.RollbackCommand;
import io.cutover.rollback.RollbackReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.SandboxQueries;
import io.cutover.state.ApiCalls;
import io.cutover.testing.SalesforceSandbox;
import java.util.ArrayList;
import org.assertj.core.groups.Tuple;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Accounts to load that the target holds already, entered there by hand before the migration: in merge mode, one that
 * matches a target record surely and without an external id is loaded as an update of it (the target's values kept,
 * its empty fields filled, the contacts under it); one whose target record is another legacy record's, or that matches
 * less surely, is listed for review with the target id and loads as it is. Candidates are found by SOQL in batches of
 * two values; a rerun asks nothing and writes nothing.
 */
@QuarkusTest
@TestProfile(DuplicateMergeTest.MergeMode.class)
@QuarkusTestResource(value = TargetDuplicatesTest.AccountsInTheTargetAlready.class, restrictToAnnotatedClass = true)
class TargetDuplicatesTest {

    public static class AccountsInTheTargetAlready implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                Path root = Files.createTempDirectory(Path.of("target"), "target-duplicates-").toAbsolutePath();
                Path export = Files.createDirectories(root.resolve("export"));
                Path sources = Files.createDirectories(root.resolve("sources"));
                Path mappings = Files.createDirectories(root.resolve("mappings"));
                Path matching = Files.createDirectories(root.resolve("matching"));
                Files.writeString(export.resolve("accounts.csv"), """
                        id,name,phone,city,postcode,industry
                        1,NORDIC TIMBER,+358912345678,Helsinki,00100,Forestry
                        2,Saaristo Kalastus,+358201234567,Turku,20100,Fishing
                        3,Lappi Safaris,+358161234567,Rovaniemi,96200,Tourism
                        4,Boreal Design,+358401112223,Oulu,90100,Design
                        """);
                Files.writeString(export.resolve("contacts.csv"), """
                        id,last_name,first_name,email,account_id
                        1,Virtanen,Aino,aino@timber.fi,1
                        """);
                Files.writeString(sources.resolve("accounts.yaml"),
                        "object: Account\nfile: accounts.csv\nlegacyId: id\nsource: fi\ncharset: UTF-8\n");
                Files.writeString(sources.resolve("contacts.yaml"),
                        "object: Contact\nfile: contacts.csv\nlegacyId: id\nsource: fi\ncharset: UTF-8\n");
                Files.writeString(mappings.resolve("account.yaml"), """
                        object: Account
                        externalId: Legacy_Id__c
                        fields:
                          Name: name
                          Phone: phone
                          BillingCity: city
                          BillingPostalCode: postcode
                          Industry: industry
                        """);
                Files.writeString(mappings.resolve("contact.yaml"), """
                        object: Contact
                        externalId: Legacy_Id__c
                        fields:
                          LastName: last_name
                          FirstName: first_name
                          Email: email
                          AccountId: {parent: Account, column: account_id}
                        """);
                Files.writeString(matching.resolve("account.yaml"), Files.readString(Path.of("matching/account.yaml"))
                        + "lookupInTarget: [Phone, Website, BillingPostalCode]\n");
                return SalesforceSandbox.on(Map.of("cutover.export.dir", export.toString(),
                        "cutover.sources.dir", sources.toString(),
                        "cutover.mapping.dir", mappings.toString(), "cutover.matching.dir", matching.toString(),
                        "cutover.data-dir", root.resolve("data").toString(), "cutover.sandbox.storage", "memory",
                        "cutover.enrich.values-per-query", "2"));
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
    ApiCalls apiCalls;
    @Inject
    RollbackCommand rollback;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    @Test
    void aRecordTheTargetHoldsAlreadyUpdatesItInsteadOfBeingCreatedAgain() throws IOException {
        String nordicTimber = create("{\"Name\":\"Nordic Timber Oy\",\"Phone\":\"+358912345678\",\"BillingCity\":\"Helsinki\","
                + "\"BillingPostalCode\":\"00100\"}");
        String saaristo = create("{\"Name\":\"Saaristo Kalastus Oy\",\"Phone\":\"+358201234567\",\"BillingCity\":\"Turku\","
                + "\"Legacy_Id__c\":\"crm:77\"}");
        String lappi = create("{\"Name\":\"Lappi Safaris Oy\",\"BillingCity\":\"Rovaniemi\",\"BillingPostalCode\":\"96200\"}");

        RunReport first = launcher.runNow();

        assertThat(first.objects().get("Account")).isEqualTo(new ObjectCounts(4, 3, 1, 0, 0, 0, 0, 0));
        assertThat(first.objects().get("Contact")).isEqualTo(new ObjectCounts(1, 1, 0, 0, 0, 0, 0, 0));
        assertThat(first.accountedFor()).isTrue();
        assertThat(apiCalls.of(first.runId()).get("Account"))
                .as("4 phones and 4 postcodes, 2 a query; no website to ask; the before-image of the record matched; "
                        + "one update taking the external id")
                .containsEntry("query", 5L).containsEntry("compositeUpdateSObjectCollections", 1L);

        SandboxQueries target = new SandboxQueries(camel);
        JsonNode updated = target.query("SELECT Legacy_Id__c, Name, Industry FROM Account WHERE Id = '" + nordicTimber + "'")
                .get("records").get(0);
        assertThat(updated.get("Legacy_Id__c").asText()).isEqualTo("fi:1");
        assertThat(updated.get("Name").asText()).as("the target's value kept").isEqualTo("Nordic Timber Oy");
        assertThat(updated.get("Industry").asText()).as("its empty field filled").isEqualTo("Forestry");
        Map<String, String> accounts = target.byLegacyId("Account", "Id");
        assertThat(accounts).containsOnlyKeys("fi:1", "fi:2", "fi:3", "fi:4", "crm:77", "null")
                .containsEntry("fi:1", nordicTimber).containsEntry("crm:77", saaristo).containsEntry("null", lappi);
        assertThat(target.byLegacyId("Contact", "AccountId")).isEqualTo(Map.of("fi:1", nordicTimber));

        Map<String, List<CSVRecord>> clusters = new HashMap<>();
        try (Reader in = Files.newBufferedReader(dataDir.resolve("runs").resolve(first.runId())
                .resolve("duplicates").resolve("Account.csv"))) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
                    .forEach(row -> clusters.computeIfAbsent(row.get("cluster"), number -> new ArrayList<>()).add(row));
        }
        assertThat(clusters).hasSize(3);
        assertThat(clusters.values()).anySatisfy(rows -> assertThat(rows).extracting(row -> row.get("legacy_id"),
                row -> row.get("decision"), row -> row.get("target_id")).containsExactly(
                        Tuple.tuple("fi:1", "update", nordicTimber),
                        Tuple.tuple("", "in-target", nordicTimber)));
        assertThat(clusters.values()).anySatisfy(rows -> assertThat(rows).extracting(row -> row.get("legacy_id"),
                row -> row.get("decision"), row -> row.get("target_id")).containsExactly(
                        Tuple.tuple("fi:2", "review", saaristo),
                        Tuple.tuple("crm:77", "in-target", saaristo)));
        assertThat(clusters.values()).anySatisfy(rows -> assertThat(rows).extracting(row -> row.get("legacy_id"),
                row -> row.get("decision"), row -> row.get("target_id")).containsExactly(
                        Tuple.tuple("fi:3", "review", lappi),
                        Tuple.tuple("", "in-target", lappi)));

        RunReport rerun = launcher.runNow();
        assertThat(rerun.objects().get("Account")).isEqualTo(new ObjectCounts(4, 0, 0, 4, 0, 0, 0, 0));
        assertThat(rerun.calls()).as("nothing asked, nothing written").isZero();

        // the rollback deletes what the run created and gives the record it matched back its own values and no
        // external id: a record entered by hand in the target is never deleted
        RollbackReport rolledBack = rollback.rollBack(first.runId());
        assertThat(rolledBack.failures()).isEmpty();
        assertThat(rolledBack.objects().get("Account").restored()).isEqualTo(1);
        JsonNode restored = target.query("SELECT Legacy_Id__c, Name, Industry FROM Account WHERE Id = '" + nordicTimber
                + "'").get("records").get(0);
        assertThat(restored.get("Legacy_Id__c").isNull()).as("the external id it took, taken back").isTrue();
        assertThat(restored.get("Name").asText()).isEqualTo("Nordic Timber Oy");
        assertThat(restored.get("Industry").isNull()).as("the field it filled, emptied again").isTrue();
        assertThat(target.byLegacyId("Account", "Id")).containsOnlyKeys("crm:77", "null");
        assertThat(target.byLegacyId("Contact", "Id")).isEmpty();

        RunReport again = launcher.runNow();
        assertThat(again.objects().get("Account")).as("matched and updated again, the others created again")
                .isEqualTo(new ObjectCounts(4, 3, 1, 0, 0, 0, 0, 0));
    }

    private String create(String account) {
        String answer = camel.requestBody("salesforce:createSObject?sObjectName=Account&rawPayload=true", account,
                String.class);
        try {
            return new ObjectMapper().readTree(answer).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
