package io.cutover.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /services/data/vXX.X/limits}: the org's limits, of which the sandbox tracks the daily API requests, and
 * {@code limits/recordCount}, the number of records per object.
 */
@Path("/services/data/{version: v\\d+\\.\\d+}/limits")
@Produces(MediaType.APPLICATION_JSON)
public class LimitsResource {

    @Inject
    DailyApiUsage usage;

    @Inject
    TargetSchema schema;

    @Inject
    RecordStore store;

    public record Usage(@JsonProperty("Max") long max, @JsonProperty("Remaining") long remaining) {
    }

    public record RecordCount(long count, String name) {
    }

    public record RecordCounts(@JsonProperty("sObjects") List<RecordCount> sObjects) {
    }

    @GET
    public Map<String, Usage> limits() {
        long limit = usage.limit();
        return Map.of("DailyApiRequests", new Usage(limit, Math.max(0, limit - usage.used())));
    }

    /**
     * The objects named in {@code sObjects} (comma-separated), or all; like Salesforce, an object without records, or
     * one the org does not have, is left out.
     */
    @GET
    @Path("recordCount")
    public RecordCounts recordCount(@QueryParam("sObjects") String objectNames) {
        Collection<String> names = objectNames == null || objectNames.isBlank() ? schema.objectNames()
                : Arrays.stream(objectNames.split(",")).map(String::strip).toList();
        return store.read(org -> {
            List<RecordCount> counts = new ArrayList<>();
            for (String name : names) {
                Optional<SObjectDescribe> object = schema.find(name);
                if (object.isPresent()) {
                    long count = org.count(object.get().name());
                    if (count > 0) {
                        counts.add(new RecordCount(count, object.get().name()));
                    }
                }
            }
            return new RecordCounts(counts);
        });
    }
}
