package io.cutover.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Access tokens handed out by the sandbox's OAuth endpoint, each valid for the configured session timeout. */
@ApplicationScoped
public class SessionRegistry {

    /** Real access tokens start with the 15-character org id and '!'; clients sometimes log that part. */
    static final String ORG_ID = "00D8d0000000001";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();
    private Clock clock;
    private SandboxConfig config;

    @Inject
    SessionRegistry(SandboxConfig config) {
        this(config, Clock.systemUTC());
    }

    SessionRegistry(SandboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public String open() {
        byte[] secret = new byte[48];
        random.nextBytes(secret);
        String token = ORG_ID + "!" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        expiryByToken.put(token, clock.instant().plus(config.sessionTimeout()));
        return token;
    }

    public boolean isValid(String token) {
        if (token == null) {
            return false;
        }
        Instant expiry = expiryByToken.get(token);
        if (expiry == null) {
            return false;
        }
        if (clock.instant().isAfter(expiry)) {
            expiryByToken.remove(token);
            return false;
        }
        return true;
    }

    public void revoke(String token) {
        expiryByToken.remove(token);
    }

    /** Ends every session, as an admin "expire sessions" or a password change does in a real org. */
    public void revokeAll() {
        expiryByToken.clear();
    }
}
