package io.cutover.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;

/** Reads back what the target holds, through the same camel-salesforce client the migration uses. */
public final class SandboxQueries {

    private final ProducerTemplate camel;
    private final ObjectMapper json = new ObjectMapper();

    public SandboxQueries(ProducerTemplate camel) {
        this.camel = camel;
    }

    public JsonNode query(String soql) {
        String answer = camel.requestBodyAndHeader("salesforce:query?rawPayload=true", null, "sObjectQuery", soql, String.class);
        try {
            return json.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Field value per legacy id, for every record of the object. */
    public Map<String, String> byLegacyId(String object, String field) {
        Map<String, String> values = new HashMap<>();
        query("SELECT Legacy_Id__c, " + field + " FROM " + object).get("records")
                .forEach(record -> values.put(record.get("Legacy_Id__c").asText(), record.get(field).asText(null)));
        return values;
    }
}
