package io.cutover.sandbox;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.LinkedHashMap;
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
     * For each subscription, the events after its own replay id, of its objects ({@code objectsOf} gives null for all),
     * at most {@code limit} each; when there are none for any yet, waits for a commit up to {@code millis}. Read from
     * the slowest subscription's position instead, a window of {@code limit} events could hold only events the others
     * have had, and stay there: the accounts' subscription waiting after the bulk load's last account, the contacts'
     * never got the contacts past the window.
     */
    public Map<String, List<Event>> awaitAfterEach(Map<String, Long> cursors, Function<String, Set<String>> objectsOf,
            int limit, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (true) {
            long seen = signal.commits();
            Map<String, List<Event>> due = new LinkedHashMap<>();
            for (Map.Entry<String, Long> cursor : cursors.entrySet()) {
                List<Event> events = store.read(org -> org.eventsAfter(cursor.getValue(), objectsOf.apply(cursor.getKey()),
                        limit));
                if (!events.isEmpty()) {
                    due.put(cursor.getKey(), events);
                }
            }
            long left = until - System.currentTimeMillis();
            if (!due.isEmpty() || left <= 0) {
                return due;
            }
            signal.awaitAfter(seen, left);
        }
    }
}
