package io.cutover.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.SandboxQueries;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Delta files, for a legacy CRM without an API: after the bulk load, files of changed rows dropped in the object's
 * folder are applied once each, in order (an older version of a row is not), deletions included; a row whose parent
 * comes in a later file waits in the sync queue until it has arrived; a file dropped again, or in a folder that names no
 * object, is refused into failed/ with the reason beside it.
 */
@QuarkusTest
@QuarkusTestResource(value = DeltaFilesExport.class, restrictToAnnotatedClass = true)
class DeltaFilesTest {

    private static final String CONTACT_COLUMNS = "contact_id,lastName,firstName,email,account_id,title,phone,modified_at,deleted\n";

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;

    @Test
    void eachDeltaFileIsAppliedOnceInOrderAndARefusedOneSaysWhy() throws IOException {
        RunReport bulk = launcher.runNow();
        assertThat(bulk.objects().get("Contact").loaded()).isEqualTo(150);
        SandboxQueries target = new SandboxQueries(camel);
        String thirdTitle = title(target, "ContactRef3");

        drop("Contact", "0001-contacts.csv", CONTACT_COLUMNS
                + "ContactRef1,Sinisbury,Lianna,lsinisbury0@dropbox.com,AccountRef10,Head of Statistics,5624081052,2025-01-01T00:00:00Z,false\n"
                + "ContactRef2,,,,,,,2025-01-01T00:00:00Z,true\n"
                + "ContactRef3,Older,Version,old@example.com,AccountRef1,Outdated,,2023-06-01T00:00:00Z,false\n"
                + "ContactNew1,Newcomer,Nora,nora@example.com,AccountNew1,Buyer,,2025-01-02T00:00:00Z,false\n");
        awaitMoved("Contact", "done", "0001-contacts.csv");
        assertThat(title(target, "ContactRef1")).isEqualTo("Head of Statistics");
        assertThat(target.query("SELECT Id FROM Contact WHERE Legacy_Id__c = 'ContactRef2'").get("totalSize").asInt()).isZero();
        assertThat(title(target, "ContactRef3")).as("an older version is not applied").isEqualTo(thirdTitle);
        assertThat(target.query("SELECT Id FROM Contact WHERE Legacy_Id__c = 'ContactNew1'").get("totalSize").asInt())
                .as("its account has not arrived yet").isZero();

        String header = Files.readString(DeltaFilesExport.exportDir().resolve("accounts.csv")).lines().findFirst().orElseThrow();
        String[] row = new String[header.split(",").length];
        java.util.Arrays.fill(row, "");
        row[0] = "AccountNew1";
        row[1] = "New Account";
        row[row.length - 2] = "2025-01-02T00:00:00Z";
        row[row.length - 1] = "false";
        String account = header + "\n" + String.join(",", row) + "\n";
        drop("Account", "0001-accounts.csv", account);
        awaitMoved("Account", "done", "0001-accounts.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> target.query(
                "SELECT Id FROM Contact WHERE Legacy_Id__c = 'ContactNew1'").get("totalSize").asInt() == 1);
        String newAccountId = target.query("SELECT Id FROM Account WHERE Legacy_Id__c = 'AccountNew1'")
                .get("records").get(0).get("Id").asText();
        assertThat(target.query("SELECT AccountId FROM Contact WHERE Legacy_Id__c = 'ContactNew1'")
                .get("records").get(0).get("AccountId").asText()).isEqualTo(newAccountId);

        drop("Account", "0002-accounts-again.csv", account);
        awaitMoved("Account", "failed", "0002-accounts-again.csv");
        assertThat(Files.readString(DeltaFilesExport.deltaDir.resolve("Account/failed/0002-accounts-again.csv.reason.txt")))
                .contains("the same content was applied already, as 0001-accounts.csv");

        drop("Opportunity", "0001-opportunities.csv", "opportunity_id\nOpp1\n");
        awaitMoved("Opportunity", "failed", "0001-opportunities.csv");
        assertThat(Files.readString(DeltaFilesExport.deltaDir.resolve("Opportunity/failed/0001-opportunities.csv.reason.txt")))
                .contains("not in 'Opportunity'");
    }

    private static String title(SandboxQueries target, String legacyId) {
        JsonNode records = target.query("SELECT Title FROM Contact WHERE Legacy_Id__c = '" + legacyId + "'").get("records");
        return records.get(0).get("Title").asText();
    }

    /** Written aside, then moved in: the consumer never sees half a file. */
    private static void drop(String object, String name, String content) throws IOException {
        Path folder = Files.createDirectories(DeltaFilesExport.deltaDir.resolve(object));
        Path written = Files.writeString(DeltaFilesExport.deltaDir.resolve(name + ".part"), content);
        Files.move(written, folder.resolve(name));
    }

    private static void awaitMoved(String object, String to, String name) {
        Path moved = DeltaFilesExport.deltaDir.resolve(object).resolve(to).resolve(name);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(moved));
    }
}
