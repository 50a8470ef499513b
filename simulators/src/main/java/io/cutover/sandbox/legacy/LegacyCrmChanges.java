package io.cutover.sandbox.legacy;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * The people still working in the legacy CRM during the cutover: at the rates the settings give, edits, creations and
 * deletions of random records of random collections. Off while the rates are 0 (the default).
 */
@Singleton
public class LegacyCrmChanges {

    /** The changes of a kind made so far. */
    public record Counts(long edits, long creations, long deletions) {
    }

    private static final Duration TICK = Duration.ofMillis(100);
    private static final double TICKS_A_MINUTE = Duration.ofMinutes(1).toMillis() / (double) TICK.toMillis();
    private static final LegacyCrmCollection[] COLLECTIONS = LegacyCrmCollection.values();
    private static final Logger LOG = Logger.getLogger(LegacyCrmChanges.class);

    private final LegacyCrmConfig config;
    private final LegacyCrmBehaviour behaviour;
    private final LegacyCrmData data;
    private final Random random = new Random();
    private ScheduledExecutorService ticker;
    /** The changes due and not made yet, fractions carried over from tick to tick. */
    private double editsDue;
    private double creationsDue;
    private double deletionsDue;
    private long edits;
    private long creations;
    private long deletions;

    LegacyCrmChanges(LegacyCrmConfig config, LegacyCrmBehaviour behaviour, LegacyCrmData data) {
        this.config = config;
        this.behaviour = behaviour;
        this.data = data;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "legacy-crm-changes");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    public synchronized Counts counts() {
        return new Counts(edits, creations, deletions);
    }

    synchronized void reset() {
        editsDue = creationsDue = deletionsDue = 0;
        edits = creations = deletions = 0;
    }

    /**
     * The changes due at this tick, as one commit: they share its time, as a batch job's or a busy server's changes
     * often do. A quarter of the records created point at an account created just after them: a reader of the
     * accounts, then of the contacts, may see such a child before its parent.
     */
    private synchronized void tick() {
        try {
            Instant at = LegacyCrmData.now();
            LegacyCrmSettings settings = behaviour.settings();
            editsDue += settings.editsPerMinute() / TICKS_A_MINUTE;
            creationsDue += settings.creationsPerMinute() / TICKS_A_MINUTE;
            deletionsDue += settings.deletionsPerMinute() / TICKS_A_MINUTE;
            for (; editsDue >= 1; editsDue--) {
                edits += change((collection, chance) -> data.editOne(collection, chance, at));
            }
            for (; creationsDue >= 1; creationsDue--) {
                creations += create(COLLECTIONS[random.nextInt(COLLECTIONS.length)], at);
            }
            for (; deletionsDue >= 1; deletionsDue--) {
                deletions += change((collection, chance) -> data.deleteOne(collection, chance, at));
            }
        } catch (RuntimeException e) {
            // an exception would end the schedule silently; the next tick tries again
            LOG.warn("The legacy CRM simulator's change generator failed: " + e.getMessage(), e);
        }
    }

    /** The records created: one, or a record and then, a millisecond later, the new account it refers to. */
    private int create(LegacyCrmCollection collection, Instant at) {
        if (random.nextInt(4) == 0) {
            Optional<Map.Entry<String, String>> child = data.createBeforeItsAccount(collection, random, at);
            if (child.isPresent()) {
                return 1 + (data.createAccount(child.get().getValue(), random, at.plusMillis(1)).isPresent() ? 1 : 0);
            }
        }
        return data.createOne(collection, random, at).isPresent() ? 1 : 0;
    }

    /** One change to a random collection: 1 when made, 0 when the collection had no record left to change. */
    private int change(BiFunction<LegacyCrmCollection, Random, Optional<String>> kind) {
        return kind.apply(COLLECTIONS[random.nextInt(COLLECTIONS.length)], random).isPresent() ? 1 : 0;
    }
}
