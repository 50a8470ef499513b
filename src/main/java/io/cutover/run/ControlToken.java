package io.cutover.run;

import io.quarkus.runtime.LaunchMode;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bearer token the control endpoints (/runs, /sync) demand outside dev mode: {@code Authorization: Bearer
 * <cutover.control.token>}. Without a token configured they refuse every call.
 */
@Singleton
public class ControlToken {

    @ConfigProperty(name = "cutover.control.token")
    Optional<String> token;

    /** Refuses the call (401, or 403 when no token is configured) unless it carries the token. */
    public void check(String authorization) {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            return;
        }
        if (token.isEmpty()) {
            throw new WebApplicationException(error(403,
                    "The control endpoints are off: set the token they require in CUTOVER_CONTROL_TOKEN"));
        }
        byte[] expected = ("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8);
        byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new WebApplicationException(error(401, "Authorization: Bearer <the control token> is required"));
        }
    }

    public static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
