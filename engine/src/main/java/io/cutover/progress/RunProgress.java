package io.cutover.progress;

import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.source.ExportDescription;
import io.cutover.source.Exports;
import io.cutover.source.ResumedRead;
import io.cutover.source.SourceCatalog;
import io.cutover.state.RunRepository;
import io.cutover.state.SyncQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * How far the migration run in progress has come, per object, counted per chunk as the pipeline stages and records
 * it: records read, what became of them, and those still pending. The same counts feed the Micrometer meters
 * ({@code cutover_records_read_total}, {@code cutover_records_total} by outcome, {@code cutover_records_pending},
 * {@code cutover_load_batch_seconds}), the progress log ({@link ProgressLog}) and {@code GET /runs/{id}}.
 *
 * <p>Sync cycles are counted by the meters but are not a run in progress: a cycle a second has nothing to estimate.
 * A resumed run starts from what the ledger says its earlier attempts did.
 */
@Singleton
@Named("progress")
public class RunProgress {

    /** One object of the run: counts since the run started (the ledger's, for what an earlier attempt did). */
    public static final class ObjectProgress {
        private final AtomicLong read = new AtomicLong();
        private final AtomicLong done = new AtomicLong();
        private final Map<Outcome, AtomicLong> outcomes = new EnumMap<>(Outcome.class);
        private volatile Long total;
        private volatile boolean readWhole;

        ObjectProgress() {
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, new AtomicLong());
            }
        }

        public long read() {
            return read.get();
        }

        /** Records with their outcome. */
        public long done() {
            return done.get();
        }

        /** Read and waiting for their outcome (to load, or to load again). */
        public long pending() {
            return Math.max(0, read.get() - done.get());
        }

        public long outcome(Outcome outcome) {
            return outcomes.get(outcome).get();
        }

        /** The records the export holds: counted exactly once it was read whole, estimated before (or unknown). */
        public Optional<Long> total() {
            return Optional.ofNullable(total);
        }

        /** Whether the total is the count of a whole read rather than an estimate. */
        public boolean totalExact() {
            return readWhole;
        }
    }

    private final MeterRegistry registry;
    private final SourceCatalog sources;
    private final RunRepository repository;
    private final ExportSizes exportSizes;
    private final Map<String, ObjectProgress> objects = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    /** Follows every object's count of the run in progress; one gauge per object, registered once. */
    private final Map<String, AtomicLong> pendingGauges = new ConcurrentHashMap<>();
    private volatile String runId;
    private volatile Instant startedAt;

    RunProgress(MeterRegistry registry, SourceCatalog sources, RunRepository repository, ExportSizes exportSizes) {
        this.registry = registry;
        this.sources = sources;
        this.repository = repository;
        this.exportSizes = exportSizes;
    }

    /** After a chunk was staged: records read, and the outcomes decided while reading (rejected, unchanged, skipped). */
    public void staged(@Body List<PipelineRecord> chunk, @ExchangeProperty("runId") String run,
            @ExchangeProperty("object") String object, @ExchangeProperty("runKind") String runKind) {
        Counter.builder("cutover.records.read").tag("object", object).description("Source records read")
                .register(registry).increment(chunk.size());
        Tracked tracked = forRun(run, object, runKind);
        if (tracked.counting() != null) {
            tracked.counting().read.addAndGet(chunk.size());
        }
        counted(chunk, object, tracked);
    }

    /** After a batch's outcomes were recorded: its latency (from the batch's start) and the outcomes decided. */
    public void recorded(@Body List<PipelineRecord> batch, @ExchangeProperty("runId") String run,
            @ExchangeProperty("object") String object, @ExchangeProperty("runKind") String runKind, Exchange exchange) {
        if (batch.isEmpty()) {
            return;
        }
        Timer.builder("cutover.load.batch").tag("object", object)
                .description("From a batch's start to its outcomes recorded: the call(s) to the target and the ledger")
                .publishPercentiles(0.5, 0.95).register(registry)
                .record(exchange.getClock().elapsed(), TimeUnit.MILLISECONDS);
        counted(batch, object, forRun(run, object, runKind));
    }

    /**
     * With the export's last record: the records it held, the number the report calls read (the whole export, and the
     * records a complete read found missing).
     */
    public void objectRead(@ExchangeProperty("runId") String run, @ExchangeProperty("object") String object,
            @ExchangeProperty("runKind") String runKind, @ExchangeProperty(Exports.READ) ResumedRead read,
            @ExchangeProperty(io.cutover.sync.AbsentRecords.ABSENT) Long absent) {
        ObjectProgress progress = forRun(run, object, runKind).progress();
        if (progress != null) {
            progress.total = read.recordsRead() + (absent == null ? 0 : absent);
            progress.readWhole = true;
        }
    }

    /** Records closed in the ledger all at once (a dry run's, those out of attempts), with their outcome. */
    public void closed(String run, String object, String runKind, Outcome outcome, long count) {
        if (count > 0) {
            counted(Map.of(outcome, count), object, forRun(run, object, runKind));
        }
    }

    private void counted(List<PipelineRecord> records, String object, Tracked progress) {
        Map<Outcome, Long> decided = new EnumMap<>(Outcome.class);
        for (PipelineRecord record : records) {
            if (record.getOutcome() != null && record.getOutcome() != Outcome.PENDING) {
                decided.merge(record.getOutcome(), 1L, Long::sum);
            }
        }
        counted(decided, object, progress);
    }

    private void counted(Map<Outcome, Long> decided, String object, Tracked tracked) {
        ObjectProgress progress = tracked.counting();
        decided.forEach((outcome, count) -> {
            Counter.builder("cutover.records").tag("object", object).tag("outcome", outcome.label())
                    .description("Source records by what became of them").register(registry).increment(count);
            if (progress != null) {
                progress.outcomes.get(outcome).addAndGet(count);
                progress.done.addAndGet(count);
            }
        });
        if (tracked.progress() != null) {
            pendingGauges.computeIfAbsent(object, name -> {
                AtomicLong pending = new AtomicLong();
                Gauge.builder("cutover.records.pending", pending, AtomicLong::get).tag("object", name)
                        .description("Records of the run in progress read and not yet given an outcome")
                        .register(registry);
                return pending;
            }).set(tracked.progress().pending());
        }
    }

    /**
     * The object's progress in the migration run, and whether the step calling counts into it: not when the progress
     * was just taken from the ledger, which holds the step's records already (the ledger's steps come first).
     */
    private record Tracked(ObjectProgress progress, boolean fromLedger) {
        ObjectProgress counting() {
            return fromLedger ? null : progress;
        }
    }

    /** The object's progress in the migration run in progress; none for a sync cycle. */
    private Tracked forRun(String run, String object, String runKind) {
        if (SyncQueue.SYNC_RUN.equals(runKind)) {
            return new Tracked(null, false);
        }
        synchronized (this) {
            if (!run.equals(runId)) {
                objects.clear();
                pendingGauges.values().forEach(pending -> pending.set(0));
                runId = run;
                startedAt = Instant.now();
            }
        }
        boolean[] created = {false};
        ObjectProgress progress = objects.computeIfAbsent(object, name -> {
            created[0] = true;
            return fromLedger(run, name, runKind);
        });
        return new Tracked(progress, created[0]);
    }

    /** What the ledger holds of the run (earlier attempts' records too), and the export's estimated size. */
    private ObjectProgress fromLedger(String run, String object, String runKind) {
        ObjectProgress progress = new ObjectProgress();
        Map<Outcome, Long> earlier = repository.outcomeCounts(run).getOrDefault(object, Map.of());
        earlier.forEach((outcome, count) -> {
            progress.read.addAndGet(count);
            if (outcome != Outcome.PENDING) {
                progress.outcomes.get(outcome).addAndGet(count);
                progress.done.addAndGet(count);
            }
        });
        // a requeue run reads a rejects file, not the export
        if (runKind == null || !runKind.startsWith("requeue")) {
            progress.total = estimatedRecords(object);
        }
        return progress;
    }

    /** The records of the object's export files, estimated from their sizes; unknown when any one's is. */
    private Long estimatedRecords(String object) {
        long total = 0;
        List<ExportDescription> exports;
        try {
            exports = sources.exports(object);
        } catch (UncheckedIOException globMatchesNothing) {
            return null;
        }
        for (ExportDescription export : exports) {
            Optional<Long> estimate = exportSizes.estimatedRecords(export.file());
            if (estimate.isEmpty()) {
                return null;
            }
            total += estimate.get();
        }
        return exports.isEmpty() ? null : total;
    }

    /** The run in progress, if it is a migration run that has read something. */
    public Optional<String> currentRun() {
        return Optional.ofNullable(runId);
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The objects of the run, in the order they started. */
    public Map<String, ObjectProgress> objects(String run) {
        if (!run.equals(runId)) {
            return Map.of();
        }
        synchronized (objects) {
            return new LinkedHashMap<>(objects);
        }
    }
}
