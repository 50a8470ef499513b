package io.cutover.sandbox;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Operations for the consultant running a rehearsal, not part of the Salesforce API. */
@Path("/sandbox/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    RecordStore store;

    @Inject
    ApiCounters counters;

    @Inject
    QueryCursors cursors;

    @Inject
    DailyApiUsage usage;

    @Inject
    BulkJobs bulkJobs;

    @Inject
    BulkQueryJobs bulkQueryJobs;

    @Inject
    FaultInjection faults;

    @Inject
    SandboxUsers users;

    @Inject
    ChangeEvents changeEvents;

    @Inject
    BayeuxClients streamingClients;

    public record ResetResult(boolean reset) {
    }

    /**
     * The change events kept (oldest and newest replay id), the Streaming API's subscriptions (a channel per client
     * subscribed to it), and the replay id each channel's last subscription started after.
     */
    public record ChangeEventsView(long oldestReplayId, long newestReplayId, List<String> subscriptions,
            Map<String, Long> subscribedFrom) {
    }

    @GET
    @Path("change-events")
    public ChangeEventsView changeEvents() {
        ChangeEvents.Retained retained = changeEvents.retained();
        return new ChangeEventsView(retained.oldest(), retained.newest(), streamingClients.subscriptions(),
                streamingClients.subscribedFrom());
    }

    /** The day's API requests: the limit and the calls used; a change gives either or both. */
    public record ApiUsage(Long max, Long used) {
    }

    /**
     * Wipes every record (ids are not reused afterwards, as in a real org), the call counters, the day's API usage and the
     * bulk jobs, then creates the org's users again: an org is never without them.
     */
    @POST
    @Path("reset")
    public ResetResult reset() {
        store.write(org -> {
            org.deleteAll();
            return null;
        });
        users.create();
        cursors.clear();
        counters.reset();
        usage.reset();
        bulkJobs.clear();
        bulkQueryJobs.clear();
        return new ResetResult(true);
    }

    /** The faults injected now; they start as configured by cutover.sandbox.faults.*. */
    @GET
    @Path("faults")
    public FaultSettings faults() {
        return faults.settings();
    }

    /** Replaces the injected faults; fields left out are off. */
    @PUT
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public FaultSettings changeFaults(FaultSettings settings) {
        faults.change(settings);
        return faults.settings();
    }

    @GET
    @Path("api-usage")
    public ApiUsage apiUsage() {
        return new ApiUsage(usage.limit(), usage.used());
    }

    /** Sets the day's limit and the calls already used (fields left out stay as they are). */
    @PUT
    @Path("api-usage")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiUsage changeApiUsage(ApiUsage change) {
        usage.change(change.max(), change.used());
        return apiUsage();
    }

    @GET
    @Path("counters")
    public Map<String, Long> counters() {
        return counters.snapshot();
    }
}
