package io.cutover.reverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.run.MigrationLauncher;
import io.cutover.state.TargetChanges;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Conflicts decided at once: for accounts the later of the two changes wins (one account edited last in the target,
 * one last in the legacy CRM), for contacts the legacy CRM's version.
 */
@QuarkusTest
@QuarkusTestResource(value = NewestOrLegacyWins.class, restrictToAnnotatedClass = true)
class NewestAndLegacyWinsTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    TargetChanges targetChanges;

    @Test
    void theNewerChangeWinsAccountsAndTheLegacyVersionWinsContacts() throws InterruptedException {
        assertThat(launcher.runNow().status()).isEqualTo("completed");
        BothSides sides = new BothSides(camel);
        await().atMost(Duration.ofSeconds(30)).until(() -> !targetChanges.counts().isEmpty()
                && BothSides.waiting(targetChanges.counts()) == 0);
        List<JsonNode> accounts = sides.records("SELECT Id, Legacy_Id__c FROM Account ORDER BY Legacy_Id__c");
        JsonNode contact = sides.records("SELECT Id, Legacy_Id__c FROM Contact ORDER BY Legacy_Id__c").get(0);

        BothSides.control("/sync/pause");
        // the first account: the legacy CRM first, the target a moment later; the second: the other way round
        BothSides.editInLegacy("accounts", legacyId(accounts, 0), Map.of("description", "Legacy, earlier"));
        Thread.sleep(20);
        sides.editInTarget("Account", id(accounts, 0), Map.of("Description", "Salesforce, later"));
        sides.editInTarget("Account", id(accounts, 1), Map.of("Description", "Salesforce, earlier"));
        Thread.sleep(20);
        BothSides.editInLegacy("accounts", legacyId(accounts, 1), Map.of("description", "Legacy, later"));
        sides.editInTarget("Contact", contact.get("Id").asText(), Map.of("Title", "Salesforce title"));
        BothSides.editInLegacy("contacts", contact.get("Legacy_Id__c").asText(), Map.of("title", "Legacy title"));
        BothSides.control("/sync/resume");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(BothSides.inLegacy("accounts", legacyId(accounts, 0)).getString("description")).isEqualTo("Salesforce, later");
            assertThat(sides.inTarget("Account", id(accounts, 0), "Description")).isEqualTo("Salesforce, later");
            assertThat(BothSides.inLegacy("accounts", legacyId(accounts, 1)).getString("description")).isEqualTo("Legacy, later");
            assertThat(sides.inTarget("Account", id(accounts, 1), "Description")).isEqualTo("Legacy, later");
            assertThat(BothSides.inLegacy("contacts", contact.get("Legacy_Id__c").asText()).getString("title"))
                    .isEqualTo("Legacy title");
            assertThat(sides.inTarget("Contact", contact.get("Id").asText(), "Title")).isEqualTo("Legacy title");
        });
        List<Map<String, Object>> conflicts = BothSides.conflicts();
        assertThat(conflicts).hasSize(3);
        assertThat(conflicts).anySatisfy(conflict -> assertThat(conflict).containsEntry("targetId", id(accounts, 0))
                .containsEntry("policy", "newest-wins").containsEntry("decision", "target"));
        assertThat(conflicts).anySatisfy(conflict -> assertThat(conflict).containsEntry("targetId", id(accounts, 1))
                .containsEntry("policy", "newest-wins").containsEntry("decision", "legacy"));
        assertThat(conflicts).anySatisfy(conflict -> assertThat(conflict).containsEntry("object", "Contact")
                .containsEntry("policy", "legacy-wins").containsEntry("decision", "legacy"));
        assertThat(targetChanges.counts()).containsEntry("skipped/CONFLICT_LEGACY_WINS", 2L);
    }

    private static String id(List<JsonNode> records, int i) {
        return records.get(i).get("Id").asText();
    }

    private static String legacyId(List<JsonNode> records, int i) {
        return records.get(i).get("Legacy_Id__c").asText();
    }
}
