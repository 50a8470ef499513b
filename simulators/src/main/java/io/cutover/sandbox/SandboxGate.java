package io.cutover.sandbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Hides the sandbox unless it is enabled, and demands a valid session on the data API like Salesforce does. The
 * versions list ({@code /services/data}) is public in Salesforce too.
 */
public class SandboxGate {

    private static final String BEARER = "Bearer ";

    @Inject
    SandboxConfig config;

    @Inject
    SessionRegistry sessions;

    @Inject
    DailyApiUsage usage;

    /** The versioned data API, {@code /services/data/vXX.X/...}, as opposed to the public versions list. */
    static boolean isDataApi(String path) {
        return path.startsWith("/services/data/") && path.length() > "/services/data/".length();
    }

    @ServerRequestFilter(preMatching = true)
    public Response filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean sandboxPath = path.startsWith("/services/") || path.startsWith("/sandbox/") || path.startsWith("/cometd/");
        if (!sandboxPath) {
            return null;
        }
        if (!config.enabled()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (isDataApi(path)) {
            String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            String token = authorization != null && authorization.startsWith(BEARER)
                    ? authorization.substring(BEARER.length()).strip() : null;
            if (!sessions.isValid(token)) {
                return ApiError.invalidSession();
            }
            if (!usage.tryCount()) {
                return new ApiError("TotalRequests Limit exceeded.", "REQUEST_LIMIT_EXCEEDED")
                        .toResponse(Response.Status.FORBIDDEN);
            }
        }
        return null;
    }
}
