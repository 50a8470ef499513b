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
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Three regional CRMs consolidated into one org, in merge mode: each exports accounts and contacts under its own source
 * name, and some companies are customers of several subsidiaries. Each company is loaded once, the others merged into
 * it naming it; the contacts of merged accounts are re-pointed to the survivor; every source record is accounted for;
 * a rerun changes nothing.
 */
@QuarkusTest
@TestProfile(DuplicateMergeTest.MergeMode.class)
@QuarkusTestResource(value = CrossSourceMergeTest.ThreeRegionalCrms.class, restrictToAnnotatedClass = true)
class CrossSourceMergeTest {

    /** fi, fr and ro exports, read in that order (by description file name). */
    public static class ThreeRegionalCrms implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                Path root = Files.createTempDirectory(Path.of("target"), "cross-source-merge-").toAbsolutePath();
                Path export = Files.createDirectories(root.resolve("export"));
                Path sources = Files.createDirectories(root.resolve("sources"));
                Path mappings = Files.createDirectories(root.resolve("mappings"));
                String accounts = "id,name,phone,city,postcode\n";
                String contacts = "id,last_name,first_name,email,account_id\n";
                Files.writeString(export.resolve("accounts-fi.csv"), accounts
                        + "1,Nordic Timber Oy,+358912345678,Helsinki,00100\n"
                        + "2,Saaristo Kalastus Oy,+358201234567,Turku,20100\n"
                        + "3,Lappi Safaris,+358161234567,Rovaniemi,96200\n");
                Files.writeString(export.resolve("accounts-fr.csv"), accounts
                        + "1,Atelier Lumière SARL,+33142685300,Paris,75002\n"
                        + "2,NORDIC TIMBER OY,+358912345678,Helsinki,\n"
                        + "3,Boulangerie Dupré,+33478123456,Lyon,69002\n");
                Files.writeString(export.resolve("accounts-ro.csv"), accounts
                        + "1,Atelier Lumiere,+33142685300,Paris,75002\n"
                        + "2,Nordic Timber,+358912345678,Helsinki,00100\n"
                        + "3,Cofetăria Ana,+40232123456,Iași,700001\n");
                Files.writeString(export.resolve("contacts-fi.csv"), contacts + "1,Virtanen,Aino,aino@timber.fi,1\n");
                Files.writeString(export.resolve("contacts-fr.csv"), contacts + "1,Martin,Chloé,chloe@lumiere.fr,1\n"
                        + "2,Bernard,Pierre,pierre@timber.fr,2\n");
                Files.writeString(export.resolve("contacts-ro.csv"), contacts + "1,Popescu,Ioana,ioana@lumiere.ro,1\n"
                        + "2,Ionescu,Mihai,mihai@timber.ro,2\n" + "3,Stan,Elena,elena@cofetaria.ro,3\n");
                for (String region : new String[] {"fi", "fr", "ro"}) {
                    Files.writeString(sources.resolve("accounts-" + region + ".yaml"), "object: Account\nfile: accounts-"
                            + region + ".csv\nlegacyId: id\nsource: " + region + "\ncharset: UTF-8\n");
                    Files.writeString(sources.resolve("contacts-" + region + ".yaml"), "object: Contact\nfile: contacts-"
                            + region + ".csv\nlegacyId: id\nsource: " + region + "\ncharset: UTF-8\n");
                }
                Files.writeString(mappings.resolve("account.yaml"), """
                        object: Account
                        externalId: Legacy_Id__c
                        fields:
                          Name: name
                          Phone: phone
                          BillingCity: city
                          BillingPostalCode: postcode
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
                return SalesforceSandbox.on(Map.of("cutover.export.dir", export.toString(),
                        "cutover.sources.dir", sources.toString(), "cutover.mapping.dir", mappings.toString(),
                        "cutover.data-dir", root.resolve("data").toString(),
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

    @Test
    void eachCompanyLoadsOnceItsDuplicatesAreMergedIntoItAndTheirContactsFollow() throws SQLException {
        RunReport first = launcher.runNow();

        assertThat(first.objects().get("Account")).isEqualTo(new ObjectCounts(9, 6, 0, 0, 0, 3, 0, 0));
        assertThat(first.objects().get("Contact")).isEqualTo(new ObjectCounts(6, 6, 0, 0, 0, 0, 0, 0));
        assertThat(first.accountedFor()).isTrue();
        // survivors: the most complete record, and of equals the first read (fi before fr before ro)
        assertThat(outcome(first.runId(), "ro:1")).startsWith("merged MERGED accounts-ro.csv line 2 (record 7): "
                + "Account ro:1: merged into fr:1 (accounts-fr.csv line 2 (record 4))");
        assertThat(outcome(first.runId(), "fr:2")).contains("merged into fi:1");
        assertThat(outcome(first.runId(), "ro:2")).contains("merged into fi:1");

        SandboxQueries target = new SandboxQueries(camel);
        Map<String, String> accounts = target.byLegacyId("Account", "Id");
        assertThat(accounts).containsOnlyKeys("fi:1", "fi:2", "fi:3", "fr:1", "fr:3", "ro:3");
        assertThat(target.byLegacyId("Contact", "AccountId")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fi:1", accounts.get("fi:1"),
                "fr:1", accounts.get("fr:1"),
                "fr:2", accounts.get("fi:1"),
                "ro:1", accounts.get("fr:1"),
                "ro:2", accounts.get("fi:1"),
                "ro:3", accounts.get("ro:3")));

        RunReport rerun = launcher.runNow();
        assertThat(rerun.objects().get("Account")).isEqualTo(new ObjectCounts(9, 0, 0, 6, 0, 3, 0, 0));
        assertThat(rerun.objects().get("Contact")).isEqualTo(new ObjectCounts(6, 0, 0, 6, 0, 0, 0, 0));
        assertThat(rerun.calls()).as("nothing written").isZero();
        assertThat(target.byLegacyId("Account", "Id")).isEqualTo(accounts);
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
