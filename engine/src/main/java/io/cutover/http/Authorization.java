package io.cutover.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The Authorization header's values a client sends: a bearer token, or a user and password (Basic). */
public final class Authorization {

    public static final String HEADER = "Authorization";
    private static final String BEARER = "Bearer ";

    private Authorization() {
    }

    public static String bearer(String token) {
        return BEARER + token;
    }

    /** RFC 7617: {@code Basic base64(user:password)}, in UTF-8. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The token of a bearer header value; none for another scheme. */
    public static Optional<String> bearerToken(String headerValue) {
        return headerValue != null && headerValue.startsWith(BEARER)
                ? Optional.of(headerValue.substring(BEARER.length())) : Optional.empty();
    }
}
