package io.cutover.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * SOQL queries to the target through camel-salesforce's {@code query} operation, following {@code nextRecordsUrl} with
 * {@code queryMore}; every call is counted against the run and object it was made for, and waits for the API budget, as
 * routes/api-budget.yaml does for every call to the target.
 */
@Singleton
public class TargetQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProducerTemplate camel;

    TargetQueries(ProducerTemplate camel) {
        this.camel = camel;
    }

    /**
     * Every record the query answers, all pages.
     *
     * @throws RuntimeException camel-salesforce's exception when a call fails (after its own new login on an expired
     *         session)
     */
    public List<JsonNode> records(String soql, String runId, String object) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        forEachPage(soql, runId, object, page -> page.path("records").forEach(records::add));
        return records;
    }

    /** Each page of the query's answer as it comes (its {@code totalSize}, its {@code records}), one call a page. */
    public void forEachPage(String soql, String runId, String object, Consumer<JsonNode> pages) throws IOException {
        String operation = "salesforce:query?rawPayload=true";
        String query = soql;
        while (query != null) {
            String soqlOrNextPage = query;
            Exchange answer = camel.send(operation, exchange -> {
                exchange.setProperty("runId", runId);
                exchange.setProperty("object", object);
                exchange.getIn().setHeader("sObjectQuery", soqlOrNextPage);
            });
            if (answer.getException() != null) {
                throw answer.getException() instanceof RuntimeException failure ? failure
                        : new IllegalStateException(answer.getException());
            }
            JsonNode page = JSON.readTree(answer.getMessage().getBody(String.class));
            pages.accept(page);
            query = page.path("done").asBoolean(true) ? null : page.path("nextRecordsUrl").asText(null);
            operation = "salesforce:queryMore?rawPayload=true";
        }
    }
}
