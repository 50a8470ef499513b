package io.cutover.load;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.pipeline.PipelineRecord;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** What the load tests do again and again: send batches through a load route as the load step does, ask the sandbox. */
final class LoadCalls {

    private final ProducerTemplate camel;
    private final ObjectMapper json = new ObjectMapper();

    LoadCalls(ProducerTemplate camel) {
        this.camel = camel;
    }

    /** Sends the records through the route in batches of {@code batchSize}, as the load step does. */
    void load(String route, String runId, String object, List<PipelineRecord> records, int batchSize) {
        for (int from = 0; from < records.size(); from += batchSize) {
            List<PipelineRecord> batch = records.subList(from, Math.min(records.size(), from + batchSize));
            Exchange done = camel.send(route, exchange -> {
                exchange.setProperty("runId", runId);
                exchange.setProperty("object", object);
                exchange.getMessage().setBody(batch);
            });
            assertThat(done.getException()).as("the route handles its failures itself").isNull();
        }
    }

    static PipelineRecord record(String runId, String object, String legacyId, long number, Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Legacy_Id__c", legacyId);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        String file = object.toLowerCase() + "s.csv";
        return new PipelineRecord(runId, object, legacyId, number, file + " line " + (number + 1) + " (record " + number + ")",
                fields, "hash-" + legacyId);
    }

    JsonNode query(String soql) {
        String answer = camel.requestBodyAndHeader("salesforce:query?rawPayload=true", null, "sObjectQuery", soql,
                String.class);
        try {
            return json.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record of the object with the fields asked for, by legacy id, read 2,000 at a time. */
    Map<String, JsonNode> byLegacyId(String object, String fields) {
        Map<String, JsonNode> records = new HashMap<>();
        for (int offset = 0;; offset += 2000) {
            JsonNode page = query("SELECT Legacy_Id__c, " + fields + " FROM " + object + " ORDER BY Legacy_Id__c LIMIT 2000"
                    + " OFFSET " + offset);
            page.get("records").forEach(record -> records.put(record.get("Legacy_Id__c").asText(), record));
            if (page.get("records").size() < 2000) {
                return records;
            }
        }
    }

    static Map<String, Long> sandboxCounters() {
        Map<String, Number> counters = given().get("/sandbox/admin/counters").then().statusCode(200).extract().as(Map.class);
        Map<String, Long> calls = new HashMap<>();
        counters.forEach((name, count) -> calls.put(name, count.longValue()));
        return calls;
    }

    static void resetOrg() {
        given().post("/sandbox/admin/reset").then().statusCode(200);
    }

    static void faults(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put("/sandbox/admin/faults").then().statusCode(200);
    }

    static void apiUsage(long max, long used) {
        given().contentType(ContentType.JSON).body(Map.of("max", max, "used", used)).put("/sandbox/admin/api-usage")
                .then().statusCode(200);
    }
}
