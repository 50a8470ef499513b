package io.cutover.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cutover.pipeline.Backoff;
import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.plan.RunConfig;
import io.cutover.progress.RunProgress;
import io.cutover.state.Ledger;
import io.cutover.state.OpenBulkJobs;
import io.cutover.state.SyncQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The load step of an object: passes over the object's pending records, in batches grouped by parent. The first
 * pass sends every pending record; each further pass, after an exponential backoff with jitter, sends only the
 * records the previous pass marked to retry. A record still failing after {@code cutover.load.max-attempts} is
 * rejected with the reason of its last attempt.
 */
@Singleton
@Named("loadPasses")
public class LoadPasses {

    static final String PASS = "loadPass";
    /** The exchange property that says whether the object needs another load pass. */
    static final String ANOTHER = "anotherLoadPass";
    /** The exchange property that holds the milliseconds to wait before the next pass. */
    static final String DELAY = "loadPassDelay";
    private static final Logger LOG = Logger.getLogger(LoadPasses.class);

    private final Ledger ledger;
    private final int maxAttempts;
    private final Backoff backoff;
    private final int dryRunSample;
    private final Path dataDir;
    private final ObjectMapper json;
    private final RunProgress progress;
    /** The pass of the object loading now (objects load one after another): 1, then a retry pass after another. */
    private final AtomicInteger currentPass = new AtomicInteger();

    LoadPasses(Ledger ledger, ObjectMapper json, RunProgress progress,
            LoadConfig load,
            RunConfig run,
            @ConfigProperty(name = "cutover.data-dir") Path dataDir) {
        this.ledger = ledger;
        this.progress = progress;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.maxAttempts = load.maxAttempts();
        this.backoff = new Backoff(load.retryBackoff(), load.retryBackoffMax());
        this.dryRunSample = run.dryRunSample();
        this.dataDir = dataDir;
    }

    void meters(@Observes StartupEvent event, MeterRegistry registry, OpenBulkJobs openBulkJobs) {
        Gauge.builder("cutover.load.pass", currentPass, AtomicInteger::get)
                .description("The load pass of the object loading now: 1, and 2 or more for a retry pass")
                .strongReference(true).register(registry);
        Gauge.builder("cutover.load.bulk.jobs.open", openBulkJobs, OpenBulkJobs::count)
                .description("Bulk API 2.0 jobs closed and not yet collected").strongReference(true).register(registry);
    }

    /**
     * Prepares the next pass over the object's pending records: closes those out of attempts, then sets
     * {@value #ANOTHER} (whether a pass is needed), {@code pending} (the records it will send) and {@value #DELAY}
     * (the backoff a retry pass waits first, in milliseconds; 0 for the first). The route loops on the property and
     * waits with a delay: a loop predicate must not change what it tests.
     */
    public void nextPass(Exchange exchange) {
        exchange.setProperty(ANOTHER, false);
        exchange.setProperty(DELAY, 0L);
        String runId = exchange.getProperty("runId", String.class);
        String object = exchange.getProperty("object", String.class);
        if (stopRequested(exchange)) {
            return;
        }
        int pass = exchange.getProperty(PASS, 0, Integer.class) + 1;
        exchange.setProperty(PASS, pass);
        currentPass.set(pass);
        // a record that no pass could mark (none should exist) must not keep the loop going
        int exhaustedAfter = pass > maxAttempts ? 0 : maxAttempts;
        String why = "not loaded after " + maxAttempts + " attempts.";
        // the sync never gives up on a change for a passing reason: a later cycle tries it again
        String runKind = exchange.getProperty("runKind", String.class);
        int exhausted;
        if (SyncQueue.SYNC_RUN.equals(runKind)) {
            exhausted = ledger.holdPending(runId, object, exhaustedAfter, "RETRIES_EXHAUSTED", why);
        } else {
            exhausted = ledger.closePending(runId, object, exhaustedAfter, Outcome.REJECTED, "RETRIES_EXHAUSTED", why);
            progress.closed(runId, object, runKind, Outcome.REJECTED, exhausted);
        }
        if (exhausted > 0) {
            LOG.warnf("%s: %d records rejected after %d attempts (RETRIES_EXHAUSTED)", object, exhausted, maxAttempts);
        }
        Ledger.PendingCount pending = ledger.pendingCount(runId, object);
        if (pending.records() == 0) {
            return;
        }
        if (pending.mostAttempts() > 0) {
            Duration wait = backoff(pending.mostAttempts());
            LOG.infof("%s: %d records to send again (attempt %d of %d) in %d ms", object, pending.records(),
                    pending.mostAttempts() + 1, maxAttempts, wait.toMillis());
            exchange.setProperty(DELAY, wait.toMillis());
        }
        exchange.setProperty("pending", pending.records());
        exchange.setProperty(ANOTHER, true);
    }

    /**
     * The pending records of the run and object, {@code batchSize} at a time, in parent order. A page holding records
     * the cutover sync deletes gives them as a batch of their own, before the page's upserts: a load route does one
     * kind of call.
     */
    public Iterator<List<PipelineRecord>> batches(@ExchangeProperty("runId") String runId,
            @ExchangeProperty("object") String object, @ExchangeProperty("batchSize") int batchSize, Exchange exchange) {
        return new Iterator<>() {
            private List<PipelineRecord> page = ledger.pending(runId, object, "", 0, batchSize);
            private final Deque<List<PipelineRecord>> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                if (ready.isEmpty() && !page.isEmpty()) {
                    List<PipelineRecord> deletions = page.stream().filter(PipelineRecord::isDeletion).toList();
                    List<PipelineRecord> upserts = page.stream().filter(record -> !record.isDeletion()).toList();
                    if (!deletions.isEmpty()) {
                        ready.add(deletions);
                    }
                    if (!upserts.isEmpty()) {
                        ready.add(upserts);
                    }
                    PipelineRecord last = page.get(page.size() - 1);
                    page = page.size() < batchSize ? List.of()
                            : ledger.pending(runId, object, last.getParentKey(), last.getRecordNumber(), batchSize);
                }
                return !ready.isEmpty() && !stopRequested(exchange);
            }

            @Override
            public List<PipelineRecord> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /**
     * Ends an object's dry run: writes a sample of the records that would have been loaded, as mapped, and closes
     * them as skipped, so that the run's outcomes still add up to the records read.
     */
    public Path endDryRun(@ExchangeProperty("runId") String runId, @ExchangeProperty("object") String object,
            @ExchangeProperty("runKind") String runKind) {
        List<Map<String, Object>> sample = ledger.pending(runId, object, "", 0, dryRunSample).stream()
                .map(PipelineRecord::getFields).toList();
        Path file = dataDir.resolve("runs").resolve(runId).resolve("dry-run").resolve(object + ".sample.json");
        try {
            Files.createDirectories(file.getParent());
            json.writeValue(file.toFile(), sample);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dry run's sample " + file, e);
        }
        int wouldLoad = ledger.closePending(runId, object, 0, Outcome.SKIPPED, "DRY_RUN",
                "valid, and not loaded: this is a dry run.");
        progress.closed(runId, object, runKind, Outcome.SKIPPED, wouldLoad);
        LOG.infof("%s: dry run, %d records would be loaded; a sample of them: %s", object, wouldLoad, file);
        return file;
    }

    /** The run was asked to stop: no further batch is sent, and what is pending stays pending for the next start. */
    private static boolean stopRequested(Exchange exchange) {
        AtomicBoolean stop = exchange.getProperty("stopRequested", AtomicBoolean.class);
        return stop != null && stop.get();
    }

    Duration backoff(int attemptsMade) {
        return backoff.after(attemptsMade);
    }
}
