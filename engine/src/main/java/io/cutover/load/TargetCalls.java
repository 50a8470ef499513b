package io.cutover.load;

import io.cutover.state.ApiCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * The calls to the target as routes/api-budget.yaml intercepts them, each named by its camel-salesforce operation
 * ({@code salesforce:bulk2CreateJob} is {@code bulk2CreateJob}): counted, and timed from the moment the gate lets it
 * through to the target's answer ({@code cutover_api_call_seconds} by operation).
 *
 * <p>Calls nest in one exchange: the gate of a call may read the org's {@code /limits}, intercepted in turn, and that
 * overwrites the exchange's intercepted endpoint. Each call's operation is therefore kept, last in first out, from
 * its count to its answer.
 */
@Singleton
@Named("targetCalls")
public class TargetCalls {

    private static final String COUNTED = "cutoverTargetCallsCounted";
    private static final String STARTED = "cutoverTargetCallsStarted";

    /** A call let through to the target: its operation and when it went. */
    private record Started(String operation, long nanos) {}

    private final ApiCalls apiCalls;
    private final MeterRegistry registry;

    TargetCalls(ApiCalls apiCalls, MeterRegistry registry) {
        this.apiCalls = apiCalls;
        this.registry = registry;
    }

    /** Counted for the exchange's run and object (none: the reverse sync's, counted in the meter only). */
    public void count(@ExchangeProperty("runId") String runId, @ExchangeProperty("object") String object,
            @ExchangeProperty(Exchange.INTERCEPTED_ENDPOINT) String endpoint, Exchange exchange) {
        String operation = operation(endpoint);
        apiCalls.count(runId, object, operation);
        calls(exchange, COUNTED).push(operation);
    }

    /** Every call but the gate's own reading of the org's limits waits for the gate. */
    public boolean gated(@ExchangeProperty(Exchange.INTERCEPTED_ENDPOINT) String endpoint) {
        return !"limits".equals(operation(endpoint));
    }

    /** Past the gate: the call goes to the target now. */
    public void started(Exchange exchange) {
        Deque<Object> counted = calls(exchange, COUNTED);
        if (!counted.isEmpty()) {
            calls(exchange, STARTED).push(new Started((String) counted.pop(), System.nanoTime()));
        }
    }

    /**
     * The target answered: the call's time is recorded. A call that fails leaves no time (Camel does not go on to the
     * intercept's after-step); it is counted all the same.
     */
    public void answered(Exchange exchange) {
        Deque<Object> started = calls(exchange, STARTED);
        if (!started.isEmpty()) {
            Started call = (Started) started.pop();
            Timer.builder("cutover.api.call").tag("operation", call.operation())
                    .description("From a call to the target let through by the API budget's gate to its answer")
                    .publishPercentiles(0.5, 0.95).register(registry)
                    .record(System.nanoTime() - call.nanos(), TimeUnit.NANOSECONDS);
        }
    }

    @SuppressWarnings("unchecked")
    private static Deque<Object> calls(Exchange exchange, String property) {
        Deque<Object> calls = exchange.getProperty(property, Deque.class);
        if (calls == null) {
            calls = new ArrayDeque<>();
            exchange.setProperty(property, calls);
        }
        return calls;
    }

    static String operation(String endpoint) {
        if (endpoint.startsWith("http")) {
            // a multipart upload to sobjects/ContentVersion: uploadContentVersion
            String path = endpoint.contains("?") ? endpoint.substring(0, endpoint.indexOf('?')) : endpoint;
            return "upload" + path.substring(path.lastIndexOf('/') + 1);
        }
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
