package io.cutover.sandbox.legacy;

import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The API's rate limit: at most {@code rateLimit} calls in each second, counted in whole seconds as simple servers do,
 * so a call over it may go again when the next second starts (Retry-After: 1).
 */
@Singleton
public class LegacyCrmRateLimit {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private long window = -1;
    private int callsInWindow;

    /** Counts a call: whether it is within the limit (0: no limit). */
    synchronized boolean admit(int rateLimit) {
        long now = System.nanoTime() / SECOND;
        if (now != window) {
            window = now;
            callsInWindow = 0;
        }
        callsInWindow++;
        return rateLimit <= 0 || callsInWindow <= rateLimit;
    }

    /** The current second starts over, as if no call had come in it. */
    synchronized void reset() {
        callsInWindow = 0;
    }
}
