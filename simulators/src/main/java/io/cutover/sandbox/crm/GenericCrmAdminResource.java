package io.cutover.sandbox.crm;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Operations for whoever rehearses a migration into the generic CRM, not part of its API. */
@Path("/generic-crm/admin")
@Produces(MediaType.APPLICATION_JSON)
public class GenericCrmAdminResource {

    @Inject
    GenericCrmStore store;
    @Inject
    GenericCrmFaults faults;

    /** The faults injected now; they start as configured by cutover.generic-crm.faults.*. */
    @GET
    @Path("faults")
    public GenericCrmFaults.Settings faults() {
        return faults.settings();
    }

    /** Replaces the injected faults; fields left out are off. */
    @PUT
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public GenericCrmFaults.Settings changeFaults(GenericCrmFaults.Settings settings) {
        faults.change(settings);
        return faults.settings();
    }

    /** Every record of a collection, without faults. */
    @GET
    @Path("records/{collection}")
    public Response records(@PathParam("collection") String collection) {
        return GenericCrmCollection.of(collection)
                .map(c -> Response.ok(Map.of("records", store.all(c))).build())
                .orElseGet(() -> GenericCrmFaults.error(404, "no collection '" + collection + "'"));
    }

    /** Deletes every record. */
    @POST
    @Path("reset")
    public Map<String, Boolean> reset() {
        store.reset();
        return Map.of("reset", true);
    }
}
