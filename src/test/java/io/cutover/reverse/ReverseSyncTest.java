package io.cutover.reverse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.SandboxQueries;
import io.cutover.state.TargetChanges;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Both directions at once: after the bulk load, people edit records in the target (through camel-salesforce, as the
 * sales team's own client) and in the legacy CRM. Each edit reaches the other side exactly once, with no echo: the
 * legacy CRM's write counters and the forward sync's outcomes prove it.
 */
@QuarkusTest
@QuarkusTestResource(value = TwoWayLegacyCrm.class, restrictToAnnotatedClass = true)
class ReverseSyncTest {

    private static final String API = "/legacy-crm/api";
    private static final String TOKEN = "legacy-crm-token";

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    TargetChanges targetChanges;

    @Test
    void editsOnEitherSideReachTheOtherOnceWithoutEcho() {
        RunReport bulk = launcher.runNow();
        assertThat(bulk.status()).isEqualTo("completed");
        SandboxQueries target = new SandboxQueries(camel);
        List<JsonNode> accounts = records(target, "SELECT Id, Legacy_Id__c FROM Account ORDER BY Legacy_Id__c");
        List<JsonNode> contacts = records(target, "SELECT Id, Legacy_Id__c FROM Contact ORDER BY Legacy_Id__c");
        // what the bulk load wrote is Cutover's own: the sweep finds it, and it goes nowhere
        await().atMost(Duration.ofSeconds(30)).until(() -> targetChanges.counts().getOrDefault("received", 0L) == 0
                && !targetChanges.counts().isEmpty());
        JsonPath before = legacyCounters();

        // the sales team, in the target: 5 account descriptions, 5 contact titles, one new account
        for (int i = 0; i < 5; i++) {
            update("Account", accounts.get(i).get("Id").asText(), Map.of("Description", "Edited in Salesforce " + i));
            update("Contact", contacts.get(i).get("Id").asText(), Map.of("Title", "Salesforce title " + i));
        }
        String created = create("Account", Map.of("Name", "Created in Salesforce", "Description", "New customer"));
        // others, in the legacy CRM, on other records
        for (int i = 10; i < 13; i++) {
            given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("description", "Edited in the legacy CRM " + i))
                    .patch(API + "/accounts/" + accounts.get(i).get("Legacy_Id__c").asText()).then().statusCode(200);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < 5; i++) {
                assertThat(legacy("accounts", accounts.get(i).get("Legacy_Id__c").asText()).getString("description"))
                        .isEqualTo("Edited in Salesforce " + i);
                assertThat(legacy("contacts", contacts.get(i).get("Legacy_Id__c").asText()).getString("title"))
                        .isEqualTo("Salesforce title " + i);
            }
            assertThat(target.query("SELECT Legacy_Id__c FROM Account WHERE Id = '" + created + "'")
                    .at("/records/0/Legacy_Id__c").asText(null)).startsWith("AccountNew");
            for (int i = 10; i < 13; i++) {
                assertThat(target.query("SELECT Description FROM Account WHERE Id = '" + accounts.get(i).get("Id").asText() + "'")
                        .at("/records/0/Description").asText()).isEqualTo("Edited in the legacy CRM " + i);
            }
        });
        String newLegacyId = target.query("SELECT Legacy_Id__c FROM Account WHERE Id = '" + created + "'")
                .at("/records/0/Legacy_Id__c").asText();
        assertThat(legacy("accounts", newLegacyId).getString("name")).isEqualTo("Created in Salesforce");

        // a few more polls of both directions: nothing moves any more
        long forwardWrites = forwardWrites();
        JsonPath quiet = legacyCounters();
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        JsonPath after = legacyCounters();
        assertThat(after.getLong("apiUpdates") - before.getLong("apiUpdates"))
                .as("one write to the legacy CRM per target edit, and the test's own 3").isEqualTo(10 + 3);
        assertThat(after.getLong("apiCreations") - before.getLong("apiCreations")).isEqualTo(1);
        assertThat(after.getLong("apiUpdates")).isEqualTo(quiet.getLong("apiUpdates"));
        assertThat(forwardWrites()).as("the forward sync wrote nothing more once both sides agreed").isEqualTo(forwardWrites);
        assertThat(targetChanges.counts()).containsKey("applied/UPDATED").containsKey("applied/CREATED");
    }

    /** Records the forward sync's cycles loaded or updated in the target: no echo adds to them. */
    private long forwardWrites() {
        JsonPath status = given().header("Authorization", "Bearer control-token-for-tests").get("/sync").then()
                .statusCode(200).extract().jsonPath();
        long total = 0;
        for (String object : List.of("Account", "Contact")) {
            for (String outcome : List.of("loaded", "updated")) {
                Long count = status.getObject("objects." + object + ".outcomes." + outcome, Long.class);
                total += count == null ? 0 : count;
            }
        }
        return total;
    }

    private void update(String object, String id, Map<String, Object> fields) {
        camel.requestBodyAndHeaders("salesforce:updateSObject?rawPayload=true", json(fields),
                Map.of("sObjectName", object, "sObjectId", id, "Sforce-Call-Options", "client=sales-team"));
    }

    private String create(String object, Map<String, Object> fields) {
        String answer = camel.requestBodyAndHeaders("salesforce:createSObject?rawPayload=true", json(fields),
                Map.of("sObjectName", object, "Sforce-Call-Options", "client=sales-team"), String.class);
        return io.restassured.path.json.JsonPath.from(answer).getString("id");
    }

    private static String json(Map<String, Object> fields) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath legacy(String collection, String id) {
        return given().auth().oauth2(TOKEN).get(API + "/" + collection + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath legacyCounters() {
        return given().get("/legacy-crm/admin/counters").then().statusCode(200).extract().jsonPath();
    }

    private static List<JsonNode> records(SandboxQueries target, String soql) {
        List<JsonNode> records = new ArrayList<>();
        target.query(soql).get("records").forEach(records::add);
        return records;
    }
}
