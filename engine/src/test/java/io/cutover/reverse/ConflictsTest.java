package io.cutover.reverse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.run.MigrationLauncher;
import io.cutover.state.TargetChanges;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The same record changed on both sides between two syncs (the cutover paused meanwhile): one conflict, recorded with
 * both versions, decided by the object's policy. Accounts are held for review, contacts go to the target's version.
 */
@QuarkusTest
@QuarkusTestResource(value = TwoWayLegacyCrm.class, restrictToAnnotatedClass = true)
class ConflictsTest {

    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    TargetChanges targetChanges;

    @Test
    void aHeldConflictWaitsForItsDecisionAndTargetWinsWritesTheTargetsFieldsBack() throws IOException {
        assertThat(launcher.runNow().status()).isEqualTo("completed");
        BothSides sides = new BothSides(camel);
        await().atMost(Duration.ofSeconds(30)).until(() -> !targetChanges.counts().isEmpty()
                && BothSides.waiting(targetChanges.counts()) == 0);
        JsonNode account = sides.records("SELECT Id, Legacy_Id__c FROM Account ORDER BY Legacy_Id__c").get(0);
        JsonNode contact = sides.records("SELECT Id, Legacy_Id__c FROM Contact ORDER BY Legacy_Id__c").get(0);
        String accountId = account.get("Id").asText();
        String accountLegacyId = account.get("Legacy_Id__c").asText();
        String contactId = contact.get("Id").asText();
        String contactLegacyId = contact.get("Legacy_Id__c").asText();

        BothSides.control("/sync/pause");
        sides.editInTarget("Account", accountId, Map.of("Description", "Salesforce version"));
        BothSides.editInLegacy("accounts", accountLegacyId, Map.of("description", "Legacy version"));
        sides.editInTarget("Contact", contactId, Map.of("Title", "Salesforce title"));
        BothSides.editInLegacy("contacts", contactLegacyId, Map.of("title", "Legacy title", "email", "moved@example.com"));
        BothSides.control("/sync/resume");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(BothSides.conflicts()).hasSize(2);
            // target wins: the target's change goes to the legacy CRM. Captured by polling, the change is the whole
            // record: the fields it changed are those differing from what both sides last agreed on (the title), as
            // Change Data Capture would name them; the legacy CRM's own e-mail edit is kept and reaches the target
            assertThat(BothSides.inLegacy("contacts", contactLegacyId).getString("title")).isEqualTo("Salesforce title");
            assertThat(BothSides.inLegacy("contacts", contactLegacyId).getString("email")).isEqualTo("moved@example.com");
            assertThat(sides.inTarget("Contact", contactId, "Email")).isEqualTo("moved@example.com");
        });
        assertThat(sides.inTarget("Contact", contactId, "Title")).isEqualTo("Salesforce title");
        List<Map<String, Object>> conflicts = BothSides.conflicts();
        Map<String, Object> held = conflicts.stream().filter(conflict -> "Account".equals(conflict.get("object"))).findFirst()
                .orElseThrow();
        assertThat(held).containsEntry("decision", "held").containsEntry("policy", "hold")
                .containsEntry("legacyId", accountLegacyId).containsEntry("targetId", accountId);
        assertThat((String) held.get("targetVersion")).contains("Salesforce version");
        assertThat((String) held.get("legacyVersion")).contains("Legacy version");
        assertThat(conflicts.stream().filter(conflict -> "Contact".equals(conflict.get("object"))).findFirst().orElseThrow())
                .containsEntry("decision", "target").containsEntry("policy", "target-wins");

        // held: neither side moves, however many cycles pass
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(sides.inTarget("Account", accountId, "Description")).isEqualTo("Salesforce version");
            assertThat(BothSides.inLegacy("accounts", accountLegacyId).getString("description")).isEqualTo("Legacy version");
        });
        assertThat(BothSides.reverseStatus().getLong("conflictsHeld")).isEqualTo(1);

        given().header("Authorization", BothSides.CONTROL).contentType(ContentType.JSON).body(Map.of("winner", "target"))
                .post("/sync/reverse/conflicts/" + held.get("id")).then().statusCode(200).body("decision",
                        org.hamcrest.Matchers.equalTo("target"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(BothSides.inLegacy("accounts", accountLegacyId).getString("description")).isEqualTo("Salesforce version");
            assertThat(sides.inTarget("Account", accountId, "Description")).isEqualTo("Salesforce version");
        });
        given().header("Authorization", BothSides.CONTROL).contentType(ContentType.JSON).body(Map.of("winner", "legacy"))
                .post("/sync/reverse/conflicts/" + held.get("id")).then().statusCode(409);
        assertThat(BothSides.reverseStatus().getLong("conflictsHeld")).isZero();

        // the spreadsheet beside final-delta.json: both conflicts, both versions, the decisions as they stand now
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(dataDir.resolve("sync/conflicts.csv"))).getRecords();
        assertThat(rows).hasSize(2);
        CSVRecord accountRow = rows.stream().filter(row -> row.get("object").equals("Account")).findFirst().orElseThrow();
        assertThat(accountRow.get("legacy_id")).isEqualTo(accountLegacyId);
        assertThat(accountRow.get("policy")).isEqualTo("hold");
        assertThat(accountRow.get("decision")).isEqualTo("target");
        assertThat(accountRow.get("resolved_at")).isNotEmpty();
        assertThat(accountRow.get("target_version")).contains("Salesforce version");
        assertThat(accountRow.get("legacy_version")).contains("Legacy version");
    }
}
