package io.cutover.sandbox;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /services/data/vXX.X/limits}: the org's limits, of which the sandbox tracks the daily API requests. */
@Path("/services/data/{version: v\\d+\\.\\d+}/limits")
@Produces(MediaType.APPLICATION_JSON)
public class LimitsResource {

    @Inject
    DailyApiUsage usage;

    public record Usage(@JsonProperty("Max") long max, @JsonProperty("Remaining") long remaining) {
    }

    @GET
    public Map<String, Usage> limits() {
        long limit = usage.limit();
        return Map.of("DailyApiRequests", new Usage(limit, Math.max(0, limit - usage.used())));
    }
}
