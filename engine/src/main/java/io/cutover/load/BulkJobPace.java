package io.cutover.load;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to poll a Bulk API 2.0 ingest job: when it should have finished, so that its results are collected as soon as it
 * has, with few polls. A job's own progress says best how long the rest will take; before it shows any, the pace of
 * the object's earlier jobs in this process does; with neither, the wait doubles from {@code cutover.load.bulk-poll-first}.
 * A job found finished at its first poll may have finished well before it: the object's pace is then raised by a
 * quarter, so that the next job is polled a little earlier, and the pace never stays below what the org does.
 */
@Singleton
public class BulkJobPace {

    /** The shortest wait: a job this close to its end is polled again without wasting calls. */
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(100);
    private static final double FASTER = 1.25;

    private final Duration firstPoll;
    private final Duration longestPoll;
    /** Records per second by object, as its jobs were seen to go. */
    private final Map<String, Double> recordsPerSecond = new ConcurrentHashMap<>();

    @Inject
    BulkJobPace(LoadConfig load) {
        this(load.bulkPollFirst(), load.bulkPollMax());
    }

    BulkJobPace(Duration firstPoll, Duration longestPoll) {
        this.firstPoll = firstPoll;
        this.longestPoll = longestPoll;
    }

    /**
     * The wait before the next poll of a job of {@code records} records, closed {@code sinceClosed} ago, of which the
     * last poll saw {@code processed} done ({@code poll}: the polls so far).
     */
    Duration nextWait(String object, int records, long processed, Duration sinceClosed, int poll) {
        if (processed > 0 && !sinceClosed.isZero()) {
            double ownPace = processed * 1000.0 / sinceClosed.toMillis();
            return clamp(Duration.ofMillis((long) ((records - processed) * 1000.0 / ownPace)));
        }
        Double pace = recordsPerSecond.get(object);
        if (poll == 0 && pace != null) {
            return clamp(Duration.ofMillis((long) (records * 1000.0 / pace)));
        }
        // nothing known yet, or a job the org has not started: waits that double keep the calls few
        return clamp(firstPoll.multipliedBy(1L << Math.min(poll, 20)));
    }

    /** What a poll saw of the job, for the object's next jobs. */
    void seen(String object, int records, long processed, boolean finished, Duration sinceClosed, int poll) {
        if (processed <= 0 || sinceClosed.isZero()) {
            return;
        }
        double observed = processed * 1000.0 / sinceClosed.toMillis();
        if (!finished) {
            // a job in progress: its pace so far, as the org goes now
            recordsPerSecond.put(object, observed);
        } else if (poll == 0) {
            // finished before its first poll, by how much is unknown: a little faster next time
            recordsPerSecond.merge(object, observed, (known, slower) -> Math.max(known * FASTER, slower));
        } else {
            recordsPerSecond.putIfAbsent(object, observed);
        }
    }

    private Duration clamp(Duration wait) {
        return wait.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : wait.compareTo(longestPoll) > 0 ? longestPoll : wait;
    }
}
