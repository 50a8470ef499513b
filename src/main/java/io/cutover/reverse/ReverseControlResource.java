package io.cutover.reverse;

import io.cutover.run.ControlToken;
import io.cutover.state.SyncConflicts;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The reverse sync's controls over HTTP (docs/cutover.md), with the same bearer token as /runs and /sync. */
@Path("/sync/reverse")
@Produces(MediaType.APPLICATION_JSON)
public class ReverseControlResource {

    @Inject
    ReverseControl reverse;
    @Inject
    ControlToken controlToken;

    @GET
    public ReverseControl.Status status(@HeaderParam("Authorization") String authorization) {
        controlToken.check(authorization);
        return reverse.status();
    }

    @POST
    @Path("off")
    public Response switchOff(@HeaderParam("Authorization") String authorization) {
        controlToken.check(authorization);
        reverse.switchOff();
        return Response.accepted(reverse.status()).build();
    }

    @POST
    @Path("on")
    public Response switchOn(@HeaderParam("Authorization") String authorization) {
        controlToken.check(authorization);
        reverse.switchOn();
        return Response.accepted(reverse.status()).build();
    }

    /** The conflicts, newest first; {@code ?held=true}: only those waiting for a decision. */
    @GET
    @Path("conflicts")
    public List<SyncConflicts.Conflict> conflicts(@HeaderParam("Authorization") String authorization,
            @QueryParam("held") @DefaultValue("false") boolean held) {
        controlToken.check(authorization);
        return reverse.conflicts(held);
    }

    /** Decides a held conflict: {@code {"winner": "target"}} or {@code {"winner": "legacy"}}. */
    @POST
    @Path("conflicts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resolve(@HeaderParam("Authorization") String authorization, @PathParam("id") long id,
            Map<String, String> decision) {
        controlToken.check(authorization);
        try {
            return Response.ok(reverse.resolve(id, decision == null ? null : decision.get("winner"))).build();
        } catch (IllegalArgumentException e) {
            return ControlToken.error(400, e.getMessage());
        } catch (IllegalStateException e) {
            return ControlToken.error(409, e.getMessage());
        }
    }
}
