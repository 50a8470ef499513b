package io.cutover.reverse;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.run.SandboxQueries;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;

/**
 * People at work on both sides: in the target through camel-salesforce, as the sales team's own client (so not
 * Cutover's), and in the legacy CRM through its API; and what each side holds.
 */
final class BothSides {

    static final String API = "/legacy-crm/api";
    static final String CONTROL = "Bearer control-token-for-tests";
    private static final String TOKEN = "legacy-crm-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProducerTemplate camel;
    private final SandboxQueries target;

    BothSides(ProducerTemplate camel) {
        this.camel = camel;
        this.target = new SandboxQueries(camel);
    }

    void editInTarget(String object, String id, Map<String, Object> fields) {
        camel.requestBodyAndHeaders("salesforce:updateSObject?rawPayload=true", json(fields),
                Map.of("sObjectName", object, "sObjectId", id, "Sforce-Call-Options", "client=sales-team"));
    }

    String createInTarget(String object, Map<String, Object> fields) {
        String answer = camel.requestBodyAndHeaders("salesforce:createSObject?rawPayload=true", json(fields),
                Map.of("sObjectName", object, "Sforce-Call-Options", "client=sales-team"), String.class);
        return JsonPath.from(answer).getString("id");
    }

    void deleteInTarget(String object, String id) {
        camel.requestBodyAndHeaders("salesforce:deleteSObject", null,
                Map.of("sObjectName", object, "sObjectId", id, "Sforce-Call-Options", "client=sales-team"));
    }

    static void editInLegacy(String collection, String legacyId, Map<String, Object> fields) {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(fields)
                .patch(API + "/" + collection + "/" + legacyId).then().statusCode(200);
    }

    static JsonPath inLegacy(String collection, String legacyId) {
        return given().auth().oauth2(TOKEN).get(API + "/" + collection + "/" + legacyId).then().statusCode(200)
                .extract().jsonPath();
    }

    /** One field of one target record, by id. */
    String inTarget(String object, String id, String field) {
        return target.query("SELECT " + field + " FROM " + object + " WHERE Id = '" + id + "'")
                .at("/records/0/" + field).asText(null);
    }

    List<JsonNode> records(String soql) {
        List<JsonNode> records = new ArrayList<>();
        target.query(soql).get("records").forEach(records::add);
        return records;
    }

    /** Changes received and not applied yet, whatever they wait for. */
    static long waiting(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(entry -> entry.getKey().startsWith("received"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static JsonPath legacyCounters() {
        return given().get("/legacy-crm/admin/counters").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath reverseStatus() {
        return given().header("Authorization", CONTROL).get("/sync/reverse").then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> conflicts() {
        return given().header("Authorization", CONTROL).get("/sync/reverse/conflicts").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    static void control(String path) {
        given().header("Authorization", CONTROL).post(path).then().statusCode(202);
    }

    private static String json(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
