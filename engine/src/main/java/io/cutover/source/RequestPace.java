package io.cutover.source;

import java.time.Duration;
import java.util.Optional;

/**
 * Spaces the calls of one read evenly, at most {@code requestsPerSecond} of them a second (rest.requestsPerSecond), so
 * that a read stays under the API's rate limit instead of running into its 429 answers.
 */
final class RequestPace {

    private final long intervalNanos;
    private long nextCallAt = System.nanoTime();

    RequestPace(Optional<Double> requestsPerSecond) {
        this.intervalNanos = requestsPerSecond.map(rate -> (long) (Duration.ofSeconds(1).toNanos() / rate)).orElse(0L);
    }

    /**
     * Takes the next turn no sooner than {@code earliest} from now, and says how long to wait for it (the caller
     * waits: routes/legacy-api.yaml's delay).
     */
    synchronized Duration turnAfter(Duration earliest) {
        long now = System.nanoTime();
        long turn = Math.max(now + earliest.toNanos(), nextCallAt);
        nextCallAt = turn + intervalNanos;
        return Duration.ofNanos(turn - now);
    }
}
