package io.cutover.sandbox.legacy;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The access tokens the simulator's token endpoint has given, each accepted until it expires or is revoked. */
@Singleton
public class LegacyCrmTokens {

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    /** A new token, accepted for {@code lifetime}. */
    String issue(Duration lifetime) {
        String token = UUID.randomUUID().toString();
        expiries.put(token, Instant.now().plus(lifetime));
        return token;
    }

    /** Whether the token was given here and has neither expired nor been revoked. */
    boolean accepts(String token) {
        Instant expiry = expiries.get(token);
        if (expiry != null && !Instant.now().isBefore(expiry)) {
            expiries.remove(token);
            return false;
        }
        return expiry != null;
    }

    /** Every token given so far stops being accepted, as when an administrator ends the integration's sessions. */
    void revokeAll() {
        expiries.clear();
    }
}
