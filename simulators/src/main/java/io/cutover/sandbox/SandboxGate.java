package io.cutover.sandbox;

import io.cutover.sandbox.kit.SimulatorGuard;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Demands a valid session on the data API like Salesforce does, and counts the call against the org's daily limit. The
 * versions list ({@code /services/data}) is public in Salesforce too.
 */
@Singleton
public class SandboxGate implements SimulatorGuard {

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

    @Override
    public String home() {
        return "/sandbox/";
    }

    /** Salesforce's API and its Streaming API besides. */
    @Override
    public List<String> paths() {
        return List.of("/services/", "/sandbox/", "/cometd/");
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public Response guard(ContainerRequestContext request, String path) {
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
