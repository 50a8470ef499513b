package io.cutover.reverse;

import io.cutover.state.TargetChanges;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The replay ids Change Data Capture subscriptions start from, read from the state store when camel-salesforce
 * subscribes (its {@code initialReplayIdMap}): the last event stored for the channel, so that a restart resumes exactly
 * after it. camel-salesforce keeps the replay id only in memory.
 *
 * <p>A channel with no event stored yet starts from every event the org keeps ({@code -2}), its capture start recorded
 * at the first subscription; the inbox leaves out the events committed before it. {@code -1} (new events only) would
 * lose the events published between two of camel-salesforce's subscriptions: it subscribes again after each
 * handshake, from the configured replay id as long as it has received nothing.
 *
 * <p>A replay id older than the org keeps events ({@code cutover.reverse-sync.event-retention}) is not given: the
 * subscription then replays every event the org still has ({@code fallBackReplayId=-2}; storing is idempotent), and
 * the sweep reads what changed since the last stored event's commit time, which the expired events would have brought.
 */
@Singleton
@Named("replayIds")
public class ReplayIds extends AbstractMap<String, Long> {

    private static final Logger LOG = Logger.getLogger(ReplayIds.class);
    private static final Long ALL_RETAINED = -2L;

    private final TargetChanges changes;
    private final TargetSweep sweep;
    private final Duration retention;

    ReplayIds(TargetChanges changes, TargetSweep sweep,
            ReverseSyncConfig reverseSync) {
        this.changes = changes;
        this.sweep = sweep;
        this.retention = reverseSync.eventRetention();
    }

    /** The checkpoint stream of a channel: {@code cdc:/data/AccountChangeEvent}. */
    static String stream(String channel) {
        return "cdc:" + (channel.startsWith("/") ? channel : "/" + channel);
    }

    @Override
    public Long get(Object channel) {
        Optional<TargetChanges.Checkpoint> stored = changes.checkpoint(stream(String.valueOf(channel)));
        if (stored.isEmpty()) {
            changes.captureStart(stream(String.valueOf(channel)));
            return ALL_RETAINED;
        }
        Instant lastCommit = stored.get().commitTime();
        if (lastCommit != null && lastCommit.isBefore(Instant.now().minus(retention))) {
            LOG.warnf("The last %s event stored (replay id %s, committed %s) is older than the org keeps events (%s): "
                    + "replaying what it has, and reading the changes since %s with SOQL", channel,
                    stored.get().position(), lastCommit, retention, lastCommit);
            sweep.catchUp(objectOf(String.valueOf(channel)), lastCommit);
            return null;
        }
        return Long.valueOf(stored.get().position());
    }

    @Override
    public Long getOrDefault(Object channel, Long absent) {
        Long replayId = get(channel);
        return replayId == null ? absent : replayId;
    }

    @Override
    public boolean containsKey(Object channel) {
        return get(channel) != null;
    }

    /** Not listed: the ids are read per channel, when a subscription asks. */
    @Override
    public Set<Map.Entry<String, Long>> entrySet() {
        return Set.of();
    }

    /** {@code /data/AccountChangeEvent} is Account's channel. */
    private static String objectOf(String channel) {
        String name = channel.substring(channel.lastIndexOf('/') + 1);
        return name.endsWith("ChangeEvent") ? name.substring(0, name.length() - "ChangeEvent".length()) : name;
    }
}
