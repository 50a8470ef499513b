package io.cutover.reverse;

import io.cutover.run.ControlProblem;
import io.cutover.run.ControlTokenIdentityProvider;
import io.cutover.run.RunControlResource;
import io.cutover.state.SyncConflicts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The reverse sync's controls over HTTP (docs/cutover.md), with the same operator role as /runs and /sync. */
@Path("/sync/reverse")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ControlTokenIdentityProvider.OPERATOR)
@Tag(name = "Reverse sync", description = "The target's changes written back to the legacy CRM")
@SecurityRequirement(name = RunControlResource.CONTROL_TOKEN)
public class ReverseControlResource {

    @Inject
    ReverseControl reverse;

    @GET
    @Operation(summary = "The reverse sync's status", description = "On, off or paused; the inbox's changes by status and reason")
    public ReverseControl.Status status() {
        return reverse.status();
    }

    @POST
    @Path("off")
    @Operation(summary = "Switches the reverse sync off")
    public Response switchOff() {
        reverse.switchOff();
        return Response.accepted(reverse.status()).build();
    }

    @POST
    @Path("on")
    @Operation(summary = "Switches the reverse sync on")
    public Response switchOn() {
        reverse.switchOn();
        return Response.accepted(reverse.status()).build();
    }

    @GET
    @Path("conflicts")
    @Operation(summary = "The conflicts, newest first", description = "?held=true: only those waiting for a decision")
    public List<SyncConflicts.Conflict> conflicts(@QueryParam("held") @DefaultValue("false") boolean held) {
        return reverse.conflicts(held);
    }

    @POST
    @Path("conflicts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decides a held conflict", description = "{\"winner\": \"target\"} or {\"winner\": \"legacy\"}")
    @APIResponse(responseCode = "400", description = "No winner, or another one than target or legacy")
    @APIResponse(responseCode = "409", description = "The conflict is not held")
    public Response resolve(@PathParam("id") long id, Map<String, String> decision) {
        try {
            return Response.ok(reverse.resolve(id, decision == null ? null : decision.get("winner"))).build();
        } catch (IllegalArgumentException e) {
            throw ControlProblem.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            throw ControlProblem.conflict(e.getMessage());
        }
    }
}
