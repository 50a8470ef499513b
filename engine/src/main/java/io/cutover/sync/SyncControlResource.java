package io.cutover.sync;

import io.cutover.run.ControlProblem;
import io.cutover.run.ControlTokenIdentityProvider;
import io.cutover.run.RunControlResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The cutover's controls over HTTP (docs/cutover.md): the sync's status, pause and resume, the final delta, go-live.
 * The same operator role as /runs.
 */
@Path("/sync")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ControlTokenIdentityProvider.OPERATOR)
@Tag(name = "Cutover sync", description = "The legacy CRM's changes applied to the target until go-live")
@SecurityRequirement(name = RunControlResource.CONTROL_TOKEN)
public class SyncControlResource {

    @Inject
    SyncControl sync;

    @GET
    @Operation(summary = "The sync's status: its phase, its objects' polls, its queue")
    public SyncControl.Status status() {
        return sync.status();
    }

    @POST
    @Path("pause")
    @Operation(summary = "Pauses the sync", description = "Answers once the cycle in progress on this replica has ended")
    @APIResponse(responseCode = "409", description = "Not possible in the sync's state")
    public Response pause() {
        return act(sync::pause);
    }

    @POST
    @Path("resume")
    @Operation(summary = "Resumes a paused sync")
    @APIResponse(responseCode = "409", description = "Not possible in the sync's state")
    public Response resume() {
        return act(sync::resume);
    }

    @POST
    @Path("final-delta")
    @Operation(summary = "Starts the final delta", description = "One last read of the changes and of the whole export, then cycles until the sync queue is drained")
    @APIResponse(responseCode = "409", description = "Not possible in the sync's state")
    public Response finalDelta() {
        return act(sync::finalDelta);
    }

    @POST
    @Path("go-live")
    @Operation(summary = "Go-live", description = "The legacy to target sync is switched off for good")
    @APIResponse(responseCode = "409", description = "Not possible in the sync's state")
    public Response goLive() {
        return act(sync::goLive);
    }

    private Response act(Runnable action) {
        try {
            action.run();
        } catch (IllegalStateException e) {
            throw ControlProblem.conflict(e.getMessage());
        }
        return Response.accepted(sync.status()).build();
    }
}
