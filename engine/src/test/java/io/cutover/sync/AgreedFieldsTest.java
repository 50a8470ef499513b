package io.cutover.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.SandboxQueries;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * A sync cycle writes the fields the legacy CRM changed, not the whole record: a field someone changed in the target
 * meanwhile (the reverse sync being off here, nothing carries it back) keeps the target's value.
 */
@QuarkusTest
@QuarkusTestResource(value = SyncedLegacyCrm.class, restrictToAnnotatedClass = true)
class AgreedFieldsTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;

    @Test
    void aSyncCycleWritesWhatTheLegacyCrmChangedAndLeavesAnotherFieldChangedInTheTarget() {
        given().contentType(ContentType.JSON).body(Map.of("editsPerMinute", 0, "creationsPerMinute", 0,
                "deletionsPerMinute", 0)).put("/legacy-crm/admin/settings").then().statusCode(200);
        assertThat(launcher.runNow().status()).isEqualTo("completed");
        SandboxQueries target = new SandboxQueries(camel);
        JsonNode contact = target.query("SELECT Id, Legacy_Id__c, Title, Phone FROM Contact ORDER BY Legacy_Id__c LIMIT 1")
                .get("records").get(0);
        String id = contact.get("Id").asText();
        String phoneBefore = contact.get("Phone").asText();

        camel.requestBodyAndHeaders("salesforce:updateSObject?rawPayload=true", "{\"Title\": \"Edited in Salesforce\"}",
                Map.of("sObjectName", "Contact", "sObjectId", id));
        given().auth().oauth2("legacy-crm-token").contentType(ContentType.JSON).body(Map.of("phone", "+1 415 555 0100"))
                .patch("/legacy-crm/api/contacts/" + contact.get("Legacy_Id__c").asText()).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> !phoneBefore.equals(field(target, id, "Phone")));
        assertThat(field(target, id, "Phone")).isEqualTo("+1 415 555 0100");
        assertThat(field(target, id, "Title")).as("changed in the target, not in the legacy CRM").isEqualTo("Edited in Salesforce");
    }

    private static String field(SandboxQueries target, String id, String field) {
        return target.query("SELECT " + field + " FROM Contact WHERE Id = '" + id + "'").get("records").get(0).get(field).asText();
    }
}
