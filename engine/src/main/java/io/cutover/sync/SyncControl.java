package io.cutover.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cutover.pipeline.Outcome;
import io.cutover.plan.LoadPlan;
import io.cutover.run.RunKind;
import io.cutover.run.RunRequest;
import io.cutover.run.Runs;
import io.cutover.source.Exports;
import io.cutover.source.RestSource;
import io.cutover.source.SourceCatalog;
import io.cutover.state.LeaderLeases;
import io.cutover.state.SyncQueue;
import io.cutover.state.SyncState;
import io.cutover.state.WatermarkOrder;
import io.cutover.state.Watermarks;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The cutover sync's controls and clock, as routes/sync.yaml and the /sync endpoints use them: which objects a poll
 * reads, the phase (running, paused, final delta, done, live), and what the cycles did.
 *
 * <p>A sync cycle is a run of kind {@code sync} through the migration's own route, so that a change is mapped,
 * validated, enriched and recorded exactly as the bulk load does it. The sync reads an object only once a complete
 * read has set its watermark (the bulk load did), and never while a migration run is in progress or waits to be
 * resumed.
 */
@Singleton
@Named("syncControl")
public class SyncControl {

    /** How long a pause waits for the cycle in progress to end. */
    private static final Duration PAUSE_WAIT = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(SyncControl.class);

    /** What the status shows of one object. */
    /**
     * @param watermark the object's watermark; of an object with several REST sources, the one furthest behind
     * @param sourceWatermarks each named REST source's watermark, by source name; empty for an object's one source
     */
    public record ObjectStatus(String watermark, Map<String, String> sourceWatermarks, Instant lastPoll, long queued,
            Map<String, Long> outcomes, String capture) {}

    public record Status(String phase, Instant lastSuccessfulPoll, String lastFailure, Instant lastFailureAt,
            Map<String, ObjectStatus> objects) {}

    private final SyncSettings settings;
    private final SyncState state;
    private final SyncQueue queue;
    private final Watermarks watermarks;
    private final SourceCatalog sources;
    private final LoadPlan plan;
    private final Runs runs;
    private final CamelContext camel;
    private final LeaderElection leaderElection;
    private final ObjectMapper json;
    private final Path dataDir;
    /** When each object was last read, and when a cycle last completed: this replica's clock of the polls. */
    private final Map<String, Instant> lastAttempt = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastPoll = new ConcurrentHashMap<>();
    private volatile Instant lastSuccessfulPoll;
    private volatile Instant lastFailureAt;
    private volatile String lastFailure;
    /** The first failure since the last cycle that completed; null while cycles complete. */
    private volatile Instant failingSince;
    private int finalDeltaCycles;
    /** From a poll's decision that a cycle is due to the cycle's end: what a pause waits for. */
    private volatile boolean cycleInFlight;

    SyncControl(SyncSettings settings, SyncState state, SyncQueue queue, Watermarks watermarks, SourceCatalog sources,
            LoadPlan plan, Runs runs, CamelContext camel, LeaderElection leaderElection, ObjectMapper json,
            @ConfigProperty(name = "cutover.data-dir") Path dataDir) {
        this.settings = settings;
        this.state = state;
        this.queue = queue;
        this.watermarks = watermarks;
        this.sources = sources;
        this.plan = plan;
        this.runs = runs;
        this.camel = camel;
        this.leaderElection = leaderElection;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.dataDir = dataDir;
    }

    public SyncPhase phase() {
        return state.phase().flatMap(SyncPhase::of).orElse(SyncPhase.RUNNING);
    }

    /**
     * Whether a sync cycle is due now; if so, sets the run it is ({@code syncObjects}: the objects whose poll interval
     * has passed, all of them in a final delta).
     */
    public synchronized boolean cycleDue(Exchange exchange) {
        SyncPhase phase = phase();
        if (!settings.enabled() || phase != SyncPhase.RUNNING && phase != SyncPhase.FINAL_DELTA
                || runs.inProgress() || runs.migrationInterrupted()) {
            return false;
        }
        // the route runs on the lease's holder; a replica that has just lost it polls no more
        Optional<LeaderLeases.Fence> fence = leaderElection.fence();
        if (fence.isEmpty()) {
            return false;
        }
        Instant now = Instant.now();
        List<String> due = captured().stream()
                .filter(object -> phase == SyncPhase.FINAL_DELTA || !now.isBefore(
                        lastAttempt.getOrDefault(object, Instant.EPOCH).plus(settings.pollInterval(object))))
                .toList();
        if (due.isEmpty()) {
            return false;
        }
        due.forEach(object -> lastAttempt.put(object, now));
        exchange.setProperty("syncObjects", due);
        exchange.setProperty(Runs.REQUEST, RunRequest.of(RunKind.SYNC));
        exchange.setProperty(Exports.SYNC_FENCE, fence.get());
        exchange.setProperty(Exports.FINAL_DELTA, phase == SyncPhase.FINAL_DELTA);
        // the final delta's first cycle reads the changes (deletions among them, which no complete read shows), its
        // second the whole export
        exchange.setProperty(Exports.COMPLETE_READ, phase == SyncPhase.FINAL_DELTA && finalDeltaCycles == 1);
        // in flight from here, not from its run's start: the target sweep before it is part of the cycle
        cycleInFlight = true;
        return true;
    }

    /** The cycle completed: its objects were polled; a final delta ends once nothing waits in the queue. */
    public synchronized void cycleDone(Exchange exchange) {
        cycleEnded();
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<String> objects = exchange.getProperty("syncObjects", List.class);
        objects.forEach(object -> lastPoll.put(object, now));
        lastSuccessfulPoll = now;
        failingSince = null;
        if (phase() != SyncPhase.FINAL_DELTA) {
            return;
        }
        finalDeltaCycles++;
        long waiting = queue.sizes().values().stream().mapToLong(Long::longValue).sum();
        if (finalDeltaCycles >= 2 && (waiting == 0 || finalDeltaCycles >= settings.finalDeltaCycles())) {
            state.phase(SyncPhase.DONE.value());
            Path report = writeFinalDeltaReport(waiting);
            if (waiting == 0) {
                LOG.infof("Final delta done after %d cycles: every change captured was applied or rejected with a "
                        + "reason; the legacy → target sync has stopped. Report: %s", finalDeltaCycles, report);
            } else {
                LOG.warnf("Final delta stopped after %d cycles with %d changes still waiting in the sync queue (their "
                        + "parents never arrived, or the target kept failing). Report: %s", finalDeltaCycles, waiting, report);
            }
        }
    }

    /** The cycle failed (the legacy CRM or the target could not be reached): the next poll reads the same changes. */
    public void cycleFailed(Exchange exchange) {
        cycleEnded();
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        lastFailureAt = Instant.now();
        if (failingSince == null) {
            failingSince = lastFailureAt;
        }
        lastFailure = failure == null ? "unknown" : failure.getMessage();
        LOG.warnf("A sync cycle failed; the next poll reads the same changes again: %s", lastFailure);
        if (exchange.getProperty("runId") != null) {
            runs.fail(exchange, failure == null ? new IllegalStateException("sync cycle failed") : failure);
        }
    }

    /**
     * Pauses the sync, and returns once the cycle in progress on this replica, if any, has ended: after the answer,
     * nothing more is written until the sync resumes (a cycle in flight would otherwise read a legacy change made
     * after its sweep of the target, and write it over a target change it has not seen).
     */
    public synchronized void pause() {
        requirePhase(SyncPhase.RUNNING, "pause");
        state.phase(SyncPhase.PAUSED.value());
        long deadline = System.nanoTime() + PAUSE_WAIT.toNanos();
        try {
            for (long left = PAUSE_WAIT.toMillis(); cycleInFlight && left > 0;
                    left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                // gives the monitor up, so that the cycle can end (cycleEnded) while this waits for it
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info(cycleInFlight ? "Sync paused; a cycle is still ending" : "Sync paused");
    }

    private synchronized void cycleEnded() {
        cycleInFlight = false;
        notifyAll();
    }

    public synchronized void resume() {
        requirePhase(SyncPhase.PAUSED, "resume");
        state.phase(SyncPhase.RUNNING.value());
        LOG.info("Sync resumed");
    }

    /**
     * The legacy CRM is frozen: one last capture of the changes, then one of the whole export (compared with the
     * ledger), then cycles until the sync queue is drained, then the sync stops.
     */
    public synchronized void finalDelta() {
        SyncPhase phase = phase();
        if (phase != SyncPhase.RUNNING && phase != SyncPhase.PAUSED) {
            throw new IllegalStateException("A final delta starts from the running or paused sync; the sync is " + phase.value());
        }
        finalDeltaCycles = 0;
        state.phase(SyncPhase.FINAL_DELTA.value());
        LOG.info("Final delta requested: the next cycles read every object and every queued change");
    }

    /** Go-live: legacy → target is switched off for good. */
    public synchronized void goLive() {
        state.phase(SyncPhase.LIVE.value());
        LOG.info("Go-live: the legacy → target sync is switched off");
    }

    public Optional<Instant> lastSuccessfulPoll() {
        return Optional.ofNullable(lastSuccessfulPoll);
    }

    /** Since when every cycle has failed; empty while cycles complete. */
    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    public Status status() {
        Map<String, Long> queued = queue.sizes();
        Map<String, Map<Outcome, Long>> outcomes = state.outcomes();
        Map<String, ObjectStatus> objects = new LinkedHashMap<>();
        for (String object : synced()) {
            List<RestSource> captured = changeCapture(object);
            Map<String, Long> counts = new LinkedHashMap<>();
            outcomes.getOrDefault(object, Map.of()).forEach((outcome, count) -> counts.put(outcome.label(), count));
            Map<String, String> sourceWatermarks = new LinkedHashMap<>();
            List<Optional<String>> each = captured.stream().map(source -> {
                Optional<String> watermark = watermarks.get(source.watermarkStream());
                source.source().ifPresent(name -> sourceWatermarks.put(name, watermark.orElse(null)));
                return watermark;
            }).toList();
            // a source without a watermark yet is the furthest behind
            String furthestBehind = each.contains(Optional.<String>empty()) ? null : each.stream().map(Optional::get)
                    .min(WatermarkOrder.INSTANCE).orElse(null);
            objects.put(object, new ObjectStatus(furthestBehind, sourceWatermarks, lastPoll.get(object),
                    queued.getOrDefault(object, 0L), counts, captured.isEmpty()
                            ? "delta files in " + settings.deltaDir().resolve(object)
                            : "rest, every " + settings.pollInterval(object)));
        }
        return new Status(settings.enabled() ? phase().value() : "off", lastSuccessfulPoll, lastFailure, lastFailureAt,
                objects);
    }

    /** The objects the sync keeps in step, in load order. */
    private List<String> synced() {
        List<String> planned = plan.objects(camel, null);
        return settings.objects().map(only -> planned.stream().filter(only::contains).toList()).orElse(planned);
    }

    /**
     * The synced objects whose changes can be read: a REST source with change capture, and a watermark to read from
     * (of one of its sources at least: a source whose complete read set none yet is read whole); and any object with
     * changes waiting in the queue (those of a delta file among them).
     */
    private List<String> captured() {
        Map<String, Long> queued = queue.sizes();
        return synced().stream().filter(object -> queued.containsKey(object) || changeCapture(object).stream()
                .anyMatch(source -> watermarks.get(source.watermarkStream()).isPresent())).toList();
    }

    /** The object's REST sources with change capture. */
    private List<RestSource> changeCapture(String object) {
        return sources.restSources(object).stream().filter(source -> source.incremental().isPresent()).toList();
    }

    private void requirePhase(SyncPhase expected, String action) {
        SyncPhase phase = phase();
        if (phase != expected) {
            throw new IllegalStateException("Cannot " + action + " the sync: it is " + phase.value());
        }
    }

    private Path writeFinalDeltaReport(long waiting) {
        Path file = dataDir.resolve("sync").resolve("final-delta.json");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("endedAt", Instant.now());
        report.put("cycles", finalDeltaCycles);
        report.put("agreed", waiting == 0);
        report.put("waitingInQueue", waiting);
        report.put("objects", status().objects());
        try {
            Files.createDirectories(file.getParent());
            json.writeValue(file.toFile(), report);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the final delta's report " + file, e);
        }
    }
}
