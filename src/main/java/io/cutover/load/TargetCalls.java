package io.cutover.load;

import io.cutover.state.ApiCalls;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The calls to the target as routes/api-budget.yaml intercepts them, each named by its camel-salesforce operation
 * ({@code salesforce:bulk2CreateJob} is {@code bulk2CreateJob}).
 */
@Singleton
@Named("targetCalls")
public class TargetCalls {

    private final ApiCalls apiCalls;

    TargetCalls(ApiCalls apiCalls) {
        this.apiCalls = apiCalls;
    }

    /** Counted for the exchange's run and object (none: the reverse sync's, counted in the meter only). */
    public void count(@ExchangeProperty("runId") String runId, @ExchangeProperty("object") String object,
            @ExchangeProperty(Exchange.INTERCEPTED_ENDPOINT) String endpoint) {
        apiCalls.count(runId, object, operation(endpoint));
    }

    /** Every call but the gate's own reading of the org's limits waits for the gate. */
    public boolean gated(@ExchangeProperty(Exchange.INTERCEPTED_ENDPOINT) String endpoint) {
        return !"limits".equals(operation(endpoint));
    }

    static String operation(String endpoint) {
        String path = endpoint.substring(endpoint.indexOf(':') + 1);
        if (path.startsWith("//")) {
            path = path.substring(2);
        }
        int end = path.length();
        for (char separator : new char[] {'?', ':', '/'}) {
            int at = path.indexOf(separator);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return path.substring(0, end);
    }
}
