package io.cutover.sandbox.legacy;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Operations for the consultant running a rehearsal (and for the tests), not part of the legacy CRM's API. */
@Path("/legacy-crm/admin")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyCrmAdminResource {

    /** What the simulator has done so far. */
    public record Counters(long calls, long rateLimited, long unauthorized, long tokensIssued, long edits,
            long creations, long deletions, long apiCreations, long apiUpdates, long apiDeletions) {
    }

    @Inject
    LegacyCrmBehaviour behaviour;
    @Inject
    LegacyCrmData data;
    @Inject
    LegacyCrmTokens tokens;
    @Inject
    LegacyCrmCounters counters;
    @Inject
    LegacyCrmRateLimit rateLimit;
    @Inject
    LegacyCrmChanges changes;

    @GET
    @Path("settings")
    public LegacyCrmSettings settings() {
        return behaviour.settings();
    }

    /** Changes the fields given, e.g. {@code {"editsPerMinute": 60}}; the others keep their values. */
    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(LegacyCrmSettings change) {
        try {
            return Response.ok(behaviour.change(change)).build();
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", e.getMessage())).build();
        }
    }

    @GET
    @Path("counters")
    public Counters counters() {
        LegacyCrmChanges.Counts made = changes.counts();
        return new Counters(counters.calls.get(), counters.rateLimited.get(), counters.unauthorized.get(),
                counters.tokensIssued.get(), made.edits(), made.creations(), made.deletions(),
                counters.apiCreations.get(), counters.apiUpdates.get(), counters.apiDeletions.get());
    }

    /** Every token given so far stops being accepted; clients must ask for new ones. */
    @POST
    @Path("revoke-tokens")
    public Map<String, Boolean> revokeTokens() {
        tokens.revokeAll();
        return Map.of("revoked", true);
    }

    /**
     * Back to the export as read from the files and to the configured settings; tokens, counters and the calls counted
     * against the rate limit are cleared.
     */
    @POST
    @Path("reset")
    public Map<String, Boolean> reset() {
        behaviour.reset();
        changes.reset();
        data.reset();
        tokens.revokeAll();
        counters.reset();
        rateLimit.reset();
        return Map.of("reset", true);
    }
}
