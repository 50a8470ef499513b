package io.cutover.sandbox.legacy;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulator's API has answered so far, for the admin's counters. */
@Singleton
public class LegacyCrmCounters {

    /** Calls to the API, whatever their answer. */
    final AtomicLong calls = new AtomicLong();
    /** Calls answered 429 for the rate limit. */
    final AtomicLong rateLimited = new AtomicLong();
    /** Calls answered 401: no credential, an unknown one, or an expired or revoked token. */
    final AtomicLong unauthorized = new AtomicLong();
    final AtomicLong tokensIssued = new AtomicLong();
    /** Records created, updated and deleted by clients of the API (the reverse sync), not by the change generator. */
    final AtomicLong apiCreations = new AtomicLong();
    final AtomicLong apiUpdates = new AtomicLong();
    final AtomicLong apiDeletions = new AtomicLong();

    void reset() {
        calls.set(0);
        rateLimited.set(0);
        unauthorized.set(0);
        tokensIssued.set(0);
        apiCreations.set(0);
        apiUpdates.set(0);
        apiDeletions.set(0);
    }
}
