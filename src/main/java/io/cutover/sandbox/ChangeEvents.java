package io.cutover.sandbox;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The org's change events (Change Data Capture), as subscribers read them: every create, update and delete its API
 * performs, whichever API, with increasing replay ids, kept for the retention window.
 */
@Singleton
public class ChangeEvents {

    /** One event: its replay id, its object, and its payload (the ChangeEventHeader and the values) as JSON. */
    public record Event(long replayId, String object, String payload) {
    }

    /** The replay ids kept: events after {@code oldest - 1} can be replayed; none kept: both 0. */
    public record Retained(long oldest, long newest) {

        /** Whether a subscription may start after this replay id: -1 (new events), -2 (all kept), or one kept. */
        public boolean canReplayAfter(long replayId) {
            if (replayId == -1 || replayId == -2) {
                return true;
            }
            long first = oldest == 0 ? newest + 1 : oldest;
            return replayId >= first - 1 && replayId <= newest;
        }

        /** The replay id a subscription from {@code replayId} reads after. */
        public long cursorFor(long replayId) {
            if (replayId == -1) {
                return newest;
            }
            return replayId == -2 ? Math.max(oldest - 1, 0) : replayId;
        }
    }

    private final RecordStore store;
    private final SandboxConfig config;
    private final ChangeEventSignal signal;

    ChangeEvents(RecordStore store, SandboxConfig config, ChangeEventSignal signal) {
        this.store = store;
        this.config = config;
        this.signal = signal;
    }

    /** The replay ids kept now, once the events past the retention window are gone. */
    public Retained retained() {
        // outside the write lock: a subscription does not wait for a bulk job's writes
        long[] range = store.read(org -> org.retainedEvents(Instant.now().minus(config.changeEvents().retention())));
        return new Retained(range[0], range[1]);
    }

    /**
     * The events after {@code replayId} of these objects (all when null), at most {@code limit}; when there are none
     * yet, waits for a commit up to {@code millis}.
     */
    public List<Event> awaitAfter(long replayId, Set<String> objects, int limit, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (true) {
            long seen = signal.commits();
            List<Event> events = store.read(org -> org.eventsAfter(replayId, objects, limit));
            long left = until - System.currentTimeMillis();
            if (!events.isEmpty() || left <= 0) {
                return events;
            }
            signal.awaitAfter(seen, left);
        }
    }
}
