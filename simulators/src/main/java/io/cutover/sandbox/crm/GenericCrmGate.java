package io.cutover.sandbox.crm;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Hides the simulator unless it is enabled, and demands the configured bearer token on its API, as a CRM would. */
public class GenericCrmGate {

    static final String PATH = "/generic-crm/";
    static final String API_PATH = PATH + "api/";

    @Inject
    GenericCrmConfig config;

    @ServerRequestFilter(preMatching = true)
    public Response filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PATH)) {
            return null;
        }
        if (!config.enabled()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (path.startsWith(API_PATH) && !("Bearer " + config.token()).equals(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return Response.fromResponse(GenericCrmFaults.error(401, "invalid or missing bearer token"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        return null;
    }
}
