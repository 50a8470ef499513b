package io.cutover.sandbox.crm;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Decides, call by call, which configured fault an API call of the generic CRM suffers. */
@ApplicationScoped
public class GenericCrmFaults {

    /**
     * The faults injected now. Rates are probabilities from 0 to 1 per call; a seed makes the sequence repeatable.
     *
     * @param retryAfterSeconds the Retry-After of a 429 answer
     * @param slowAnswerMs      how long a slow answer waits after the write is done
     */
    public record Settings(double errorRate, double rateLimitRate, int retryAfterSeconds, double slowRate,
            long slowAnswerMs, Long seed) {

        public static final Settings NONE = new Settings(0, 0, 1, 0, 0, null);
    }

    @Inject
    GenericCrmConfig config;

    private Settings settings;
    private Random random;

    @PostConstruct
    void init() {
        GenericCrmConfig.Faults faults = config.faults();
        change(new Settings(faults.errorRate(), faults.rateLimitRate(), (int) faults.retryAfter().toSeconds(),
                faults.slowRate(), faults.slowAnswer().toMillis(), faults.seed().orElse(null)));
    }

    public synchronized Settings settings() {
        return settings;
    }

    public synchronized void change(Settings next) {
        settings = next;
        random = next.seed() == null ? new Random() : new Random(next.seed());
    }

    /** The refusal this call gets, if any, before anything is read or written. */
    public Optional<Response> refusal() {
        Settings current = settings();
        if (draw(current.errorRate())) {
            return Optional.of(error(503, "the service is unavailable, try again later"));
        }
        if (draw(current.rateLimitRate())) {
            return Optional.of(Response.fromResponse(error(429, "rate limit exceeded"))
                    .header("Retry-After", String.valueOf(current.retryAfterSeconds())).build());
        }
        return Optional.empty();
    }

    /** Holds the answer of a write that is done, when the draw says so: the caller may give up before it comes. */
    public void maybeAnswerSlowly() {
        Settings current = settings();
        if (!draw(current.slowRate()) || current.slowAnswerMs() <= 0) {
            return;
        }
        try {
            Thread.sleep(current.slowAnswerMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }

    private synchronized boolean draw(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
