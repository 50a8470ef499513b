package io.cutover.reverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Target changes captured through camel-salesforce's streaming consumer, subscribed to the sandbox's Change Data
 * Capture channels: the bulk load's own creations come back as events and are recognised as Cutover's (their origin
 * names its client); the sales team's edits, creation and deletion reach the legacy CRM, once each; every event is
 * stored with its replay id as the channel's checkpoint.
 */
@QuarkusTest
@QuarkusTestResource(value = ChangeEventsTwoWay.class, restrictToAnnotatedClass = true)
class ChangeDataCaptureTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    TargetChanges targetChanges;

    @Test
    void eventsOfOtherClientsReachTheLegacyCrmAndCutoversOwnDoNot() {
        // the subscriptions start once the application answers HTTP, from every event the sandbox keeps (none with
        // a replay id of the state store's yet)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath changeEvents = io.restassured.RestAssured.given().get("/sandbox/admin/change-events").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(changeEvents.getList("subscriptions")).contains("/data/AccountChangeEvent", "/data/ContactChangeEvent");
            assertThat(changeEvents.getLong("subscribedFrom.'/data/AccountChangeEvent'")).isEqualTo(-2);
        });
        // a few idle long polls first: the bulk load's 200 events then come between two reads, more than one read
        // takes, the case where the sandbox read every subscription from the slowest one's position and stopped there
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(launcher.runNow().status()).isEqualTo("completed");
        BothSides sides = new BothSides(camel);
        // 50 accounts and 150 contacts created by the bulk load: 200 events of Cutover's own
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(targetChanges.counts()).containsEntry("skipped/ECHO", 200L));
        List<JsonNode> accounts = sides.records("SELECT Id, Legacy_Id__c FROM Account ORDER BY Legacy_Id__c");
        JsonNode contact = sides.records("SELECT Id, Legacy_Id__c FROM Contact ORDER BY Legacy_Id__c").get(0);
        JsonNode deleted = sides.records("SELECT Id, Legacy_Id__c FROM Contact ORDER BY Legacy_Id__c").get(1);
        JsonPath before = BothSides.legacyCounters();

        for (int i = 0; i < 3; i++) {
            sides.editInTarget("Account", accounts.get(i).get("Id").asText(), Map.of("Description", "From an event " + i));
        }
        sides.editInTarget("Contact", contact.get("Id").asText(), Map.of("Title", "Evented title"));
        String created = sides.createInTarget("Account", Map.of("Name", "Created in Salesforce"));
        sides.deleteInTarget("Contact", deleted.get("Id").asText());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < 3; i++) {
                assertThat(BothSides.inLegacy("accounts", accounts.get(i).get("Legacy_Id__c").asText()).getString("description"))
                        .isEqualTo("From an event " + i);
            }
            assertThat(BothSides.inLegacy("contacts", contact.get("Legacy_Id__c").asText()).getString("title"))
                    .isEqualTo("Evented title");
            assertThat(BothSides.inLegacy("contacts", deleted.get("Legacy_Id__c").asText()).getBoolean("deleted")).isTrue();
            assertThat(sides.inTarget("Account", created, "Legacy_Id__c")).startsWith("AccountNew");
        });
        JsonPath after = BothSides.legacyCounters();
        assertThat(after.getLong("apiUpdates") - before.getLong("apiUpdates")).isEqualTo(4);
        assertThat(after.getLong("apiCreations") - before.getLong("apiCreations")).isEqualTo(1);
        assertThat(after.getLong("apiDeletions") - before.getLong("apiDeletions")).isEqualTo(1);
        // the new account's legacy id written into it is Cutover's own change too
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(targetChanges.counts())
                .containsEntry("applied/UPDATED", 4L).containsEntry("applied/CREATED", 1L)
                .containsEntry("applied/DELETED", 1L).containsEntry("skipped/ECHO", 201L));
        assertThat(targetChanges.checkpoint("cdc:/data/AccountChangeEvent")).isPresent();
    }
}
