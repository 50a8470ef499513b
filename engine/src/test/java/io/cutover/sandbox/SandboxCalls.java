package io.cutover.sandbox;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;

import io.restassured.http.ContentType;

/** Calls the tests make again and again: through camel-salesforce where it has the operation, else plain HTTP. */
final class SandboxCalls {

    static final String API = "/services/data/v60.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProducerTemplate camel;

    SandboxCalls(ProducerTemplate camel) {
        this.camel = camel;
    }

    List<UpsertSObjectResult> upsert(String object, String externalIdField, List<Map<String, Object>> records) {
        @SuppressWarnings("unchecked")
        List<UpsertSObjectResult> results = camel.requestBody("salesforce:compositeUpsertSObjectCollections?sObjectName="
                + object + "&sObjectIdName=" + externalIdField + "&allOrNone=false", records, List.class);
        return results;
    }

    JsonNode query(String soql) {
        return readJson(camel.requestBodyAndHeader("salesforce:query?rawPayload=true", null, "sObjectQuery", soql,
                String.class));
    }

    int count(String object) {
        return query("SELECT COUNT() FROM " + object).get("totalSize").asInt();
    }

    static Map<String, Object> record(String type, Object... namesAndValues) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", Map.of("type", type));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            record.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return record;
    }

    static String token() {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "cutover-sandbox").formParam("client_secret", "cutover-sandbox-secret")
                .formParam("username", "admin@cutover.sandbox").formParam("password", "sandbox")
                .post("/services/oauth2/token").then().statusCode(200).extract().path("access_token");
    }

    static long counter(String name) {
        Number count = given().get("/sandbox/admin/counters").then().statusCode(200).extract().path("'" + name + "'");
        return count == null ? 0 : count.longValue();
    }

    static void resetOrg() {
        given().post("/sandbox/admin/reset").then().statusCode(200);
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }
}
