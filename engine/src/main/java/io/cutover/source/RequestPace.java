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

    /** Waits until the next call may go out. */
    synchronized void awaitTurn() throws InterruptedException {
        long now = System.nanoTime();
        long wait = nextCallAt - now;
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        nextCallAt = Math.max(now, nextCallAt) + intervalNanos;
    }
}
