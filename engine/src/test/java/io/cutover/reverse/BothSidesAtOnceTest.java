package io.cutover.reverse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.SandboxQueries;
import io.cutover.state.TargetChanges;
import io.cutover.sync.LegacyAndTarget;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Both sides at work at once for a while: the legacy CRM simulator's people edit descriptions and titles (5 a second),
 * while the sales team edits websites and e-mails in the target (about 10 a second). Afterwards both sides agree field
 * by field through the mappings (the last edit of each record on both sides): none lost; and every target edit was
 * written to the legacy CRM exactly once: neither echoed back nor written again by a sweep that read the same version.
 */
@QuarkusTest
@QuarkusTestResource(value = BothWaysWithEvents.class, restrictToAnnotatedClass = true)
class BothSidesAtOnceTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    TargetChanges targetChanges;

    @Test
    void afterBothSidesWorkedAtOnceTheyAgreeAndEveryTargetEditWasWrittenOnce() throws InterruptedException {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().get("/sandbox/admin/change-events")
                .then().statusCode(200).extract().jsonPath().getList("subscriptions"))
                .contains("/data/AccountChangeEvent", "/data/ContactChangeEvent"));
        assertThat(launcher.runNow().status()).isEqualTo("completed");
        BothSides sides = new BothSides(camel);
        List<JsonNode> accounts = sides.records("SELECT Id FROM Account");
        List<JsonNode> contacts = sides.records("SELECT Id FROM Contact");
        long updatesBefore = BothSides.legacyCounters().getLong("apiUpdates");

        settings(Map.of("editsPerMinute", 300));
        // each edit on a record of its own, so that every edit is a write of its own on the legacy side: edits of one
        // record in quick succession may be applied as its latest version, one write for several edits
        List<JsonNode> toEdit = new ArrayList<>(accounts);
        toEdit.addAll(contacts);
        Collections.shuffle(toEdit, new Random(42));
        Map<String, String> lastWebsite = new HashMap<>();
        Map<String, String> lastEmail = new HashMap<>();
        int edits = 0;
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until && edits < toEdit.size()) {
            JsonNode record = toEdit.get(edits++);
            String id = record.get("Id").asText();
            if (accounts.contains(record)) {
                lastWebsite.put(id, "https://edit" + edits + ".example.com");
                sides.editInTarget("Account", id, Map.of("Website", lastWebsite.get(id)));
            } else {
                lastEmail.put(id, "edit" + edits + "@example.com");
                sides.editInTarget("Contact", id, Map.of("Email", lastEmail.get(id)));
            }
            Thread.sleep(100);
        }
        settings(Map.of("editsPerMinute", 0));
        int targetEdits = edits;

        // every target change applied, then the final delta: both sides in step
        await().atMost(Duration.ofSeconds(90)).until(() -> BothSides.waiting(targetChanges.counts()) == 0);
        given().header("Authorization", BothSides.CONTROL).post("/sync/final-delta").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "done".equals(given().header("Authorization", BothSides.CONTROL)
                .get("/sync").then().extract().path("phase")));

        assertThat(BothSides.legacyCounters().getLong("apiUpdates") - updatesBefore)
                .as("writes to the legacy CRM, one per target edit; inbox " + targetChanges.counts())
                .isEqualTo(targetEdits);
        SandboxQueries target = new SandboxQueries(camel);
        LegacyAndTarget.assertSameRecords("http://localhost:" + TwoWayLegacyCrm.PORT + BothSides.API, soql -> {
            List<Map<String, Object>> records = new ArrayList<>();
            target.query(soql).get("records").forEach(record -> records.add(new com.fasterxml.jackson.databind.ObjectMapper()
                    .convertValue(record, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { })));
            return records;
        });
        lastWebsite.forEach((id, website) -> {
            assertThat(sides.inTarget("Account", id, "Website")).isEqualTo(website);
            assertThat(BothSides.inLegacy("accounts", sides.inTarget("Account", id, "Legacy_Id__c")).getString("website"))
                    .isEqualTo(website);
        });
        lastEmail.forEach((id, email) -> {
            assertThat(sides.inTarget("Contact", id, "Email")).isEqualTo(email);
            assertThat(BothSides.inLegacy("contacts", sides.inTarget("Contact", id, "Legacy_Id__c")).getString("email"))
                    .isEqualTo(email);
        });
    }

    private static void settings(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put("/legacy-crm/admin/settings").then().statusCode(200);
    }
}
