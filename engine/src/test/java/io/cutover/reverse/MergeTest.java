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
 * The merge policy: an account changed on both sides keeps both sides' changes, field by field, against the values both
 * last agreed on; a field changed on both sides goes to the newer change.
 */
@QuarkusTest
@QuarkusTestResource(value = MergeOnConflict.class, restrictToAnnotatedClass = true)
class MergeTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    TargetChanges targetChanges;

    @Test
    void eachSidesChangedFieldsSurviveAndAFieldBothChangedGoesToTheNewer() throws InterruptedException {
        assertThat(launcher.runNow().status()).isEqualTo("completed");
        BothSides sides = new BothSides(camel);
        await().atMost(Duration.ofSeconds(30)).until(() -> !targetChanges.counts().isEmpty()
                && BothSides.waiting(targetChanges.counts()) == 0);
        List<JsonNode> accounts = sides.records("SELECT Id, Legacy_Id__c FROM Account ORDER BY Legacy_Id__c");

        BothSides.control("/sync/pause");
        // the first account: different fields on each side
        sides.editInTarget("Account", id(accounts, 0), Map.of("Description", "Described in Salesforce"));
        BothSides.editInLegacy("accounts", legacyId(accounts, 0), Map.of("website", "https://legacy.example.com"));
        // the second: the description on both sides, the legacy CRM later; the website in the target only
        sides.editInTarget("Account", id(accounts, 1), Map.of("Description", "Salesforce, earlier",
                "Website", "https://salesforce.example.com"));
        Thread.sleep(20);
        BothSides.editInLegacy("accounts", legacyId(accounts, 1), Map.of("description", "Legacy, later"));
        BothSides.control("/sync/resume");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertBothSides(sides, accounts, 0, "Described in Salesforce", "https://legacy.example.com");
            assertBothSides(sides, accounts, 1, "Legacy, later", "https://salesforce.example.com");
        });
        List<Map<String, Object>> conflicts = BothSides.conflicts();
        assertThat(conflicts).hasSize(2).allSatisfy(conflict -> assertThat(conflict)
                .containsEntry("policy", "merge").containsEntry("decision", "merged"));
    }

    private static void assertBothSides(BothSides sides, List<JsonNode> accounts, int i, String description,
            String website) {
        assertThat(BothSides.inLegacy("accounts", legacyId(accounts, i)).getString("description")).isEqualTo(description);
        assertThat(BothSides.inLegacy("accounts", legacyId(accounts, i)).getString("website")).isEqualTo(website);
        assertThat(sides.inTarget("Account", id(accounts, i), "Description")).isEqualTo(description);
        assertThat(sides.inTarget("Account", id(accounts, i), "Website")).isEqualTo(website);
    }

    private static String id(List<JsonNode> records, int i) {
        return records.get(i).get("Id").asText();
    }

    private static String legacyId(List<JsonNode> records, int i) {
        return records.get(i).get("Legacy_Id__c").asText();
    }
}
