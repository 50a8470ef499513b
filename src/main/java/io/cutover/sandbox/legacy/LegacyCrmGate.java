package io.cutover.sandbox.legacy;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Hides the simulator unless it is enabled, and demands the configured bearer token as a legacy CRM's API would. */
public class LegacyCrmGate {

    static final String PATH = "/legacy-crm/";

    @Inject
    LegacyCrmConfig config;

    @ServerRequestFilter(preMatching = true)
    public Response filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(PATH)) {
            return null;
        }
        if (!config.enabled()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (!("Bearer " + config.token()).equals(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON).entity(Map.of("error", "invalid or missing bearer token")).build();
        }
        return null;
    }
}
