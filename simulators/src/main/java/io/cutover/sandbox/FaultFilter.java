package io.cutover.sandbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Injects the configured faults into data API calls. It runs after resource matching, on the worker thread of the
 * (blocking) sandbox resources, so that latency does not hold up Vert.x's event loop.
 */
public class FaultFilter {

    @Inject
    FaultInjection faults;

    @ServerRequestFilter
    public Response inject(ContainerRequestContext request) {
        if (!SandboxGate.isDataApi(request.getUriInfo().getPath())) {
            return null;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = authorization == null ? null : authorization.substring(authorization.indexOf(' ') + 1).strip();
        return faults.beforeCall(token).orElse(null);
    }
}
