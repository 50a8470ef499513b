package io.cutover.sync;

import io.cutover.run.ControlToken;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The cutover's controls over HTTP (docs/cutover.md): the sync's status, pause and resume, the final delta, go-live.
 * The same bearer token as /runs.
 */
@Path("/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncControlResource {

    @Inject
    SyncControl sync;
    @Inject
    ControlToken controlToken;

    @GET
    public SyncControl.Status status(@HeaderParam("Authorization") String authorization) {
        controlToken.check(authorization);
        return sync.status();
    }

    @POST
    @Path("pause")
    public Response pause(@HeaderParam("Authorization") String authorization) {
        return act(authorization, sync::pause);
    }

    @POST
    @Path("resume")
    public Response resume(@HeaderParam("Authorization") String authorization) {
        return act(authorization, sync::resume);
    }

    @POST
    @Path("final-delta")
    public Response finalDelta(@HeaderParam("Authorization") String authorization) {
        return act(authorization, sync::finalDelta);
    }

    @POST
    @Path("go-live")
    public Response goLive(@HeaderParam("Authorization") String authorization) {
        return act(authorization, sync::goLive);
    }

    private Response act(String authorization, Runnable action) {
        controlToken.check(authorization);
        try {
            action.run();
        } catch (IllegalStateException e) {
            return ControlToken.error(409, e.getMessage());
        }
        return Response.accepted(sync.status()).build();
    }
}
