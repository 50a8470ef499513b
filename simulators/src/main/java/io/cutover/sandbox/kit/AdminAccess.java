package io.cutover.sandbox.kit;

import io.quarkus.runtime.LaunchMode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The admin endpoints of the three simulators ({@code /sandbox/admin/}, {@code /legacy-crm/admin/},
 * {@code /generic-crm/admin/}) demand {@code Authorization: Bearer <cutover.simulators.admin-token>} everywhere but in
 * tests. After each simulator's own gate, so that a simulator turned off still answers 404.
 */
public class AdminAccess {

    static final List<String> ADMIN_PATHS = List.of("/sandbox/admin/", "/legacy-crm/admin/", "/generic-crm/admin/");
    private static final String BEARER = "Bearer ";

    @Inject
    SimulatorsConfig config;

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 100)
    public Response filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (ADMIN_PATHS.stream().noneMatch(path::startsWith) || LaunchMode.current() == LaunchMode.TEST) {
            return null;
        }
        Optional<String> token = config.adminToken().filter(value -> !value.isBlank());
        if (token.isEmpty()) {
            return refusal(Response.Status.FORBIDDEN, "the simulators' admin endpoints are off: no admin token is "
                    + "configured (cutover.simulators.admin-token, CUTOVER_SIMULATORS_ADMIN_TOKEN)");
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8))) {
            return refusal(Response.Status.UNAUTHORIZED, "the simulators' admin endpoints need Authorization: Bearer "
                    + "<cutover.simulators.admin-token>");
        }
        return null;
    }

    private static Response refusal(Response.Status status, String message) {
        Response.ResponseBuilder refusal = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message));
        return status == Response.Status.UNAUTHORIZED ? refusal.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build()
                : refusal.build();
    }
}
