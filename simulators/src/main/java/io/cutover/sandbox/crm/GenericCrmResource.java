package io.cutover.sandbox.crm;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A CRM's REST API, as many CRMs other than Salesforce have it: create, update by id, and a search by the legacy id
 * field, on accounts and contacts; an upsert by legacy id on accounts only. Every call may suffer the configured faults.
 */
@Path("/generic-crm/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GenericCrmResource {

    @Inject
    GenericCrmStore store;
    @Inject
    GenericCrmFaults faults;

    @POST
    @Path("{collection}")
    public Response create(@PathParam("collection") String collection, Map<String, Object> fields) {
        return write(collection, c -> written(store.create(c, fields)));
    }

    @PATCH
    @Path("{collection}/{id}")
    public Response update(@PathParam("collection") String collection, @PathParam("id") String id, Map<String, Object> fields) {
        return write(collection, c -> store.update(c, id, fields).map(GenericCrmResource::written)
                .orElseGet(() -> GenericCrmFaults.error(404, "no " + collection + " record has the id '" + id + "'")));
    }

    @GET
    @Path("{collection}")
    public Response search(@PathParam("collection") String collection, @QueryParam("legacy_id") String legacyId) {
        return read(collection, c -> Response.ok(Map.of("records",
                legacyId == null ? store.all(c) : store.withLegacyId(c, legacyId))).build());
    }

    @PUT
    @Path("accounts/by-legacy-id/{legacyId}")
    public Response upsertAccount(@PathParam("legacyId") String legacyId, Map<String, Object> fields) {
        return write(GenericCrmCollection.ACCOUNTS.path(), c -> {
            try {
                return written(store.upsert(c, legacyId, fields));
            } catch (IllegalStateException severalHoldIt) {
                return GenericCrmFaults.error(409, severalHoldIt.getMessage());
            }
        });
    }

    private Response read(String collection, Function<GenericCrmCollection, Response> work) {
        return call(collection, work, false);
    }

    /** A write may answer late: the record is written, but the client may have given up on the answer. */
    private Response write(String collection, Function<GenericCrmCollection, Response> work) {
        return call(collection, work, true);
    }

    /** A refusal drawn before any work; otherwise the work, then perhaps a slow answer. */
    private Response call(String collection, Function<GenericCrmCollection, Response> work, boolean writes) {
        Optional<GenericCrmCollection> known = GenericCrmCollection.of(collection);
        if (known.isEmpty()) {
            return GenericCrmFaults.error(404, "no collection '" + collection + "'");
        }
        Optional<Response> refused = faults.refusal();
        if (refused.isPresent()) {
            return refused.get();
        }
        Response answer = work.apply(known.get());
        if (writes) {
            faults.maybeAnswerSlowly();
        }
        return answer;
    }

    private static Response written(GenericCrmStore.Write write) {
        if (!write.errors().isEmpty()) {
            return Response.status(422).entity(Map.of("errors", write.errors())).build();
        }
        return Response.status(write.created() ? 201 : 200).entity(write.record()).build();
    }
}
