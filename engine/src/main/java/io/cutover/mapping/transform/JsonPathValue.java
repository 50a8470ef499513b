package io.cutover.mapping.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.support.DefaultExchange;

/**
 * Picks a value out of JSON with Camel's jsonpath language: a REST source's nested object or array reaches the mapping
 * as its JSON text in one column ({@code address}), and {@code $.city} takes the city from it. A path the value does not
 * have gives an empty value; a value that is not JSON is rejected with INVALID_JSON.
 */
final class JsonPathValue implements Transform {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Camel's jsonpath language settings by position: result type (none), header (none), suppress exceptions. */
    private static final Object[] MISSING_PATH_IS_EMPTY = {null, null, true};

    private final CamelContext camel;
    private final String path;
    private final Expression compiled;

    /** @throws RuntimeException Camel's message when the path is not JSONPath */
    JsonPathValue(CamelContext camel, String path) {
        this.camel = camel;
        this.path = path;
        // Camel's jsonpath compiles a path on its first use: compiled here, a broken path stops the start
        JsonPath.compile(path);
        this.compiled = camel.resolveLanguage("jsonpath").createExpression(path, MISSING_PATH_IS_EMPTY);
        this.compiled.init(camel);
    }

    @Override
    public String apply(String value, Map<String, String> row) throws Rejection {
        if (value == null) {
            return null;
        }
        Object json;
        try {
            json = JSON.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            throw new Rejection("INVALID_JSON", "not JSON, which " + path + " reads: " + e.getOriginalMessage());
        }
        Exchange exchange = new DefaultExchange(camel);
        // the JSON as maps and lists, which the jsonpath language reads without parsing the text again
        exchange.getMessage().setBody(json);
        Object found = compiled.evaluate(exchange, Object.class);
        if (found == null || found instanceof String || found instanceof Number || found instanceof Boolean) {
            return found == null ? null : found.toString();
        }
        try {
            return JSON.writeValueAsString(found);
        } catch (JsonProcessingException e) {
            throw new Rejection("INVALID_JSON", path + " found a value that cannot be written as JSON: " + e.getMessage());
        }
    }
}
