package io.cutover.sandbox.legacy;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Hides the simulator unless it is enabled, and guards its API as a legacy CRM's would: the rate limit first, then one
 * of the credentials it knows (the configured bearer token, a token from its token endpoint, or the API key); and
 * answers 503 while it is made unavailable.
 */
public class LegacyCrmGate {

    static final String PATH = "/legacy-crm/";
    static final String API_PATH = PATH + "api/";
    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    @Inject
    LegacyCrmConfig config;
    @Inject
    LegacyCrmBehaviour behaviour;
    @Inject
    LegacyCrmRateLimit rateLimit;
    @Inject
    LegacyCrmTokens tokens;
    @Inject
    LegacyCrmCounters counters;

    @ServerRequestFilter(preMatching = true)
    public Response filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PATH)) {
            return null;
        }
        if (!config.enabled()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (!path.startsWith(API_PATH)) {
            return null;
        }
        counters.calls.incrementAndGet();
        int limit = behaviour.settings().rateLimit();
        if (!rateLimit.admit(limit)) {
            counters.rateLimited.incrementAndGet();
            return Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", "1")
                    .type(MediaType.APPLICATION_JSON).entity(Map.of("error", "rate limit: " + limit + " calls a second"))
                    .build();
        }
        if (!authenticated(request)) {
            counters.unauthorized.incrementAndGet();
            return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "invalid_token", "error_description", "a valid bearer token or "
                            + API_KEY_HEADER + " is needed; tokens from the token endpoint expire"))
                    .build();
        }
        if (behaviour.settings().unavailable()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "down for maintenance")).build();
        }
        return null;
    }

    private boolean authenticated(ContainerRequestContext request) {
        if (config.apiKey().equals(request.getHeaderString(API_KEY_HEADER))) {
            return true;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return false;
        }
        String token = authorization.substring(BEARER.length());
        return config.token().equals(token) || tokens.accepts(token);
    }
}
