package io.cutover.pipeline;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again: {@code first}, doubling with each attempt made, capped at {@code max}, less up
 * to a quarter of jitter so that retries of many records do not align. The load's retry passes and the sync queue wait
 * so.
 */
public record Backoff(Duration first, Duration max) {

    public Duration after(int attemptsMade) {
        long base = first.toMillis() << Math.min(Math.max(attemptsMade - 1, 0), 20);
        long capped = Math.min(base, max.toMillis());
        long jitter = capped / 4 == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return Duration.ofMillis(capped - jitter);
    }
}
