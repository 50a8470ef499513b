package io.cutover.sandbox.kit;

import io.quarkus.runtime.LaunchMode;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulators' admin endpoints (reset, counters, faults, settings) demand
 * {@code Authorization: Bearer <cutover.simulators.admin-token>} everywhere but in tests.
 */
@Singleton
public class AdminAccess {

    private static final String BEARER = "Bearer ";

    /**
     * The bearer token the admin endpoints demand outside tests: they change what an org or a legacy CRM holds and
     * does, so nobody else reaching the port may call them. Without one they refuse every call. From the environment:
     * CUTOVER_SIMULATORS_ADMIN_TOKEN.
     */
    @ConfigProperty(name = "cutover.simulators.admin-token")
    Optional<String> adminToken;

    /** Why a call to an admin endpoint is refused, or null when it may go on. */
    Response refusal(ContainerRequestContext request) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            return null;
        }
        Optional<String> token = adminToken.filter(value -> !value.isBlank());
        if (token.isEmpty()) {
            return refused(Response.Status.FORBIDDEN, "the simulators' admin endpoints are off: no admin token is "
                    + "configured (cutover.simulators.admin-token, CUTOVER_SIMULATORS_ADMIN_TOKEN)");
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8))) {
            return refused(Response.Status.UNAUTHORIZED, "the simulators' admin endpoints need Authorization: Bearer "
                    + "<cutover.simulators.admin-token>");
        }
        return null;
    }

    private static Response refused(Response.Status status, String message) {
        Response.ResponseBuilder refusal = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message));
        return status == Response.Status.UNAUTHORIZED ? refusal.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build()
                : refusal.build();
    }
}
