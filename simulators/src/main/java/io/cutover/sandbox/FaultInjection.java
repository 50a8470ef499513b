package io.cutover.sandbox;

import java.util.Optional;
import java.util.Random;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** Decides, call by call, which configured fault a data API call suffers, and waits the configured latencies. */
@ApplicationScoped
public class FaultInjection {

    @Inject
    SandboxConfig config;

    @Inject
    SessionRegistry sessions;

    private FaultSettings settings;
    private Random random;

    @PostConstruct
    void init() {
        change(FaultSettings.of(config.faults()));
    }

    public synchronized FaultSettings settings() {
        return settings;
    }

    public synchronized void change(FaultSettings next) {
        settings = next;
        random = next.seed() == null ? new Random() : new Random(next.seed());
    }

    /** The refusal this call gets, if any, after the per-call latency; a forced expiry ends the caller's session. */
    public Optional<Response> beforeCall(String token) {
        FaultSettings current = settings();
        pause(current.latencyMs());
        if (draw(current.sessionExpiryRate())) {
            sessions.revoke(token);
            return Optional.of(ApiError.invalidSession());
        }
        if (draw(current.error500Rate())) {
            return Optional.of(new ApiError("An unexpected error occurred. Please include this ErrorId if you contact"
                    + " support: 1234567890-12345 (-1234567890)", "UNKNOWN_EXCEPTION").toResponse(500));
        }
        if (draw(current.error503Rate())) {
            return Optional.of(new ApiError("Server is unavailable. Try again later.", "SERVER_UNAVAILABLE")
                    .toResponse(503));
        }
        if (draw(current.error429Rate())) {
            Response tooMany = new ApiError("Too many requests. Try again later.", "REQUEST_LIMIT_EXCEEDED")
                    .toResponse(429);
            return Optional.of(Response.fromResponse(tooMany)
                    .header("Retry-After", String.valueOf(current.retryAfterSeconds())).build());
        }
        if (draw(current.requestLimitRate())) {
            return Optional.of(new ApiError("TotalRequests Limit exceeded.", "REQUEST_LIMIT_EXCEEDED")
                    .toResponse(Response.Status.FORBIDDEN));
        }
        return Optional.empty();
    }

    /** Salesforce's save time grows with the records of a call; so does the sandbox's, when configured. */
    public void pauseForRecords(int records) {
        pause(settings().latencyPerRecordMs() * records);
    }

    public boolean locksParents() {
        return settings().unableToLockRow();
    }

    private synchronized boolean draw(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
