package io.cutover.reverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.state.TargetChanges;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Both directions at once, with the SOQL sweep capturing target changes: after the bulk load, people edit records in
 * the target and in the legacy CRM. Each edit reaches the other side exactly once, with no echo: the legacy CRM's
 * write counters and the forward sync's outcomes prove it.
 */
@QuarkusTest
@QuarkusTestResource(value = TwoWayLegacyCrm.class, restrictToAnnotatedClass = true)
class ReverseSyncTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    TargetChanges targetChanges;

    @Test
    void editsOnEitherSideReachTheOtherOnceWithoutEcho() throws InterruptedException {
        RunReport bulk = launcher.runNow();
        assertThat(bulk.status()).isEqualTo("completed");
        BothSides sides = new BothSides(camel);
        List<JsonNode> accounts = sides.records("SELECT Id, Legacy_Id__c FROM Account ORDER BY Legacy_Id__c");
        List<JsonNode> contacts = sides.records("SELECT Id, Legacy_Id__c FROM Contact ORDER BY Legacy_Id__c");
        // what the bulk load wrote is Cutover's own: the sweep finds it, and it goes nowhere
        await().atMost(Duration.ofSeconds(30)).until(() -> !targetChanges.counts().isEmpty()
                && BothSides.waiting(targetChanges.counts()) == 0);
        assertThat(targetChanges.counts()).containsOnlyKeys("skipped/IN_STEP");
        JsonPath before = BothSides.legacyCounters();

        // the sales team, in the target: 5 account descriptions, 5 contact titles, one new account, one contact deleted
        for (int i = 0; i < 5; i++) {
            sides.editInTarget("Account", id(accounts, i), Map.of("Description", "Edited in Salesforce " + i));
            sides.editInTarget("Contact", id(contacts, i), Map.of("Title", "Salesforce title " + i));
        }
        String created = sides.createInTarget("Account", Map.of("Name", "Created in Salesforce", "Description", "New"));
        // without events, only the sweep's queryAll (the recycle bin) shows a deletion
        sides.deleteInTarget("Contact", id(contacts, 20));
        // others, in the legacy CRM, on other records
        for (int i = 10; i < 13; i++) {
            BothSides.editInLegacy("accounts", legacyId(accounts, i), Map.of("description", "Edited in the legacy CRM " + i));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < 5; i++) {
                assertThat(BothSides.inLegacy("accounts", legacyId(accounts, i)).getString("description"))
                        .isEqualTo("Edited in Salesforce " + i);
                assertThat(BothSides.inLegacy("contacts", legacyId(contacts, i)).getString("title"))
                        .isEqualTo("Salesforce title " + i);
            }
            assertThat(sides.inTarget("Account", created, "Legacy_Id__c")).startsWith("AccountNew");
            assertThat(BothSides.inLegacy("contacts", legacyId(contacts, 20)).getBoolean("deleted")).isTrue();
            for (int i = 10; i < 13; i++) {
                assertThat(sides.inTarget("Account", id(accounts, i), "Description")).isEqualTo("Edited in the legacy CRM " + i);
            }
        });
        assertThat(BothSides.inLegacy("accounts", sides.inTarget("Account", created, "Legacy_Id__c")).getString("name"))
                .isEqualTo("Created in Salesforce");

        // a few more polls of both directions: nothing moves any more
        long forwardWrites = forwardWrites();
        JsonPath quiet = BothSides.legacyCounters();
        await("the legacy CRM quiet").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> BothSides.legacyCounters().getLong("apiUpdates") == quiet.getLong("apiUpdates"));
        JsonPath after = BothSides.legacyCounters();
        assertThat(after.getLong("apiUpdates") - before.getLong("apiUpdates"))
                .as("one write to the legacy CRM per target edit, and the test's own 3").isEqualTo(10 + 3);
        assertThat(after.getLong("apiCreations") - before.getLong("apiCreations")).isEqualTo(1);
        assertThat(after.getLong("apiDeletions") - before.getLong("apiDeletions")).isEqualTo(1);
        assertThat(after.getLong("apiUpdates")).isEqualTo(quiet.getLong("apiUpdates"));
        assertThat(forwardWrites()).as("the forward sync wrote nothing more once both sides agreed").isEqualTo(forwardWrites);
        assertThat(targetChanges.counts()).containsEntry("applied/UPDATED", 10L).containsEntry("applied/CREATED", 1L)
                .containsEntry("applied/DELETED", 1L);
        assertThat(io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("cutover_reverse_sync_lag_seconds{object=\"Account\",quantile=\"0.95\"}")
                .contains("cutover_reverse_sync_changes_total{object=\"Contact\",reason=\"UPDATED\",status=\"applied\"} 5.0");
    }

    /** Records the forward sync's cycles loaded or updated in the target: an echo would add to them. */
    private static long forwardWrites() {
        JsonPath status = io.restassured.RestAssured.given().header("Authorization", BothSides.CONTROL).get("/sync")
                .then().statusCode(200).extract().jsonPath();
        long total = 0;
        for (String object : List.of("Account", "Contact")) {
            for (String outcome : List.of("loaded", "updated")) {
                Long count = status.getObject("objects." + object + ".outcomes." + outcome, Long.class);
                total += count == null ? 0 : count;
            }
        }
        return total;
    }

    private static String id(List<JsonNode> records, int i) {
        return records.get(i).get("Id").asText();
    }

    private static String legacyId(List<JsonNode> records, int i) {
        return records.get(i).get("Legacy_Id__c").asText();
    }
}
