package io.cutover.run;

import io.cutover.sync.AbsentRecords;
import io.cutover.plan.RunConfig;
import io.cutover.plan.SampleSize;
import io.cutover.report.RejectsFiles;
import io.cutover.report.RunReport;
import io.cutover.report.RunReports;
import io.cutover.report.SuccessFiles;
import io.cutover.report.ReportPages;
import io.cutover.report.Warnings;
import io.cutover.source.Exports;
import io.cutover.source.RequeuedRejects;
import io.cutover.source.ResumedRead;
import io.cutover.state.RunRepository;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

/**
 * The start and end of a migration run, as the migration route calls them. A run's state travels with the exchange,
 * so runs never share anything but the state store.
 *
 * <p>A run that never ended (its process was stopped or killed) is resumed by the next start of the same kind: it
 * keeps its id, reads only the exports it had not finished reading, and loads what it had left pending.
 */
@Singleton
@Named("runs")
public class Runs {

    static final String RUN_ID = "runId";
    private static final String STARTED_AT = "runStartedAt";
    private static final String KIND = "runKind";
    public static final String REQUEST = "runRequest";
    /** The stop flag of the run, shared with every step of it. */
    public static final String STOP_REQUESTED = "stopRequested";
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(Runs.class);

    private final RunRepository repository;
    private final RunReports reports;
    private final RejectsFiles rejectsFiles;
    private final SuccessFiles successFiles;
    private final ReportPages reportPages;
    private final Warnings warnings;
    private final RunKind configuredKind;
    private final String configuredSampleSize;
    private final LocalDate exportDate;
    /** The run in progress in this process, and whether it was asked to stop. */
    private final AtomicReference<String> current = new AtomicReference<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile boolean syncCycle;
    private final Semaphore oneRunAtATime = new Semaphore(1);
    private static final Duration SYNC_CYCLE_WAIT = Duration.ofMinutes(1);
    /**
     * Completed with the id of the next run to start, for whoever started it in the background. Kept here rather than
     * in the exchange: Camel's tracer would wait on a future it finds among the exchange's properties.
     */
    private final AtomicReference<CompletableFuture<String>> awaitedStart = new AtomicReference<>();

    Runs(RunRepository repository, RunReports reports, RejectsFiles rejectsFiles, SuccessFiles successFiles, ReportPages reportPages, Warnings warnings,
            RunConfig run) {
        this.repository = repository;
        this.reports = reports;
        this.rejectsFiles = rejectsFiles;
        this.successFiles = successFiles;
        this.reportPages = reportPages;
        this.warnings = warnings;
        this.configuredKind = RunKind.of(run.kind());
        this.configuredSampleSize = run.sampleSize();
        this.exportDate = run.exportDate().orElse(null);
    }

    /**
     * Starts the run the exchange's {@link RunRequest} asks for (the configured one when there is none), or resumes it.
     * One run at a time: a migration run waits for a sync cycle in progress to end (a matter of seconds); a sync cycle
     * does not start while another run is in progress.
     */
    public void start(Exchange exchange) {
        RunRequest request = exchange.getProperty(REQUEST, RunRequest.CONFIGURED, RunRequest.class);
        RunKind kind = request.kind().orElse(configuredKind);
        if (kind != RunKind.SYNC) {
            oneRunAtATime.acquireUninterruptibly();
        } else if (!tryAcquire(SYNC_CYCLE_WAIT)) {
            throw new IllegalStateException("A sync cycle does not start while run " + current.get() + " is in progress");
        }
        try {
            begin(exchange, request, kind);
        } catch (RuntimeException e) {
            oneRunAtATime.release();
            throw e;
        }
    }

    /** A sync cycle waits this long for another one (a poll, a delta file), never for a migration run to end. */
    private boolean tryAcquire(Duration wait) {
        try {
            return oneRunAtATime.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void begin(Exchange exchange, RunRequest request, RunKind kind) {
        String mode = mode(exchange, kind);
        Optional<RunRepository.Interrupted> interrupted = repository.findInterrupted();
        String runId;
        Instant startedAt;
        // A sync cycle is never resumed: its source has changed since, so its records would not come back in the same
        // order (their numbers key what was staged), and it advanced no watermark: the next cycle reads it all again.
        if (interrupted.isPresent() && interrupted.get().mode().equals(mode) && kind != RunKind.SYNC) {
            runId = interrupted.get().runId();
            startedAt = interrupted.get().startedAt();
            repository.resume(runId);
            LOG.infof("Run %s (%s), started %s, did not end: resuming it", runId, mode, startedAt);
        } else {
            interrupted.ifPresent(run -> {
                repository.end(run.runId(), "abandoned", Instant.now());
                LOG.warnf("Run %s (%s) did not end and is not resumed by this %s run: marked abandoned", run.runId(),
                        run.mode(), mode);
            });
            startedAt = Instant.now();
            runId = RUN_ID_TIME.format(startedAt) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
            repository.start(runId, mode, startedAt, exportDate);
            // a sync cycle a second would flood the log: what a cycle applied is logged when it ends
            LOG.logf(kind == RunKind.SYNC ? Logger.Level.DEBUG : Logger.Level.INFO, "Run %s (%s) started", runId, mode);
        }
        exchange.setProperty(RUN_ID, runId);
        exchange.setProperty(STARTED_AT, startedAt);
        stopRequested.set(false);
        current.set(runId);
        syncCycle = kind == RunKind.SYNC;
        exchange.setProperty(STOP_REQUESTED, stopRequested);
        CompletableFuture<String> awaited = awaitedStart.getAndSet(null);
        if (awaited != null) {
            awaited.complete(runId);
        }
        exchange.setProperty(KIND, mode);
        exchange.setProperty("dryRun", kind == RunKind.DRY_RUN);
        if (kind == RunKind.SAMPLE) {
            exchange.setProperty("sampleSize", request.sampleSize().orElseGet(() -> SampleSize.parse(configuredSampleSize)));
        }
    }

    /** The id of the next run to start, once it has started. */
    CompletableFuture<String> nextStart() {
        CompletableFuture<String> start = new CompletableFuture<>();
        awaitedStart.set(start);
        return start;
    }

    /**
     * Whether the object's export is still to be read in this run: an interrupted run may have read it already, and a
     * run asked to stop reads nothing more.
     */
    public boolean stillToRead(@ExchangeProperty(RUN_ID) String runId, @ExchangeProperty("object") String object) {
        return !stopRequested.get() && !repository.wasRead(runId, object);
    }

    /** Asks the run in progress to stop after the batches in flight; its id, if one is in progress. */
    public Optional<String> requestStop() {
        String runId = current.get();
        if (runId != null) {
            stopRequested.set(true);
            LOG.infof("Run %s: stop requested; it stops after the batches in flight, and the next start resumes it", runId);
        }
        return Optional.ofNullable(runId);
    }

    /** Asks the run to stop after the batches in flight, if it is the one in progress in this process. */
    public boolean requestStop(String runId) {
        String running = current.get();
        return running != null && running.equals(runId) && requestStop().filter(runId::equals).isPresent();
    }

    /**
     * Called with the last record of an object's export: the records of the export (those an interrupted attempt
     * staged and this one read past included), and the records a complete read of an authoritative export found
     * missing (each a deletion, numbered after the records read).
     */
    public void objectRead(@ExchangeProperty(RUN_ID) String runId, @ExchangeProperty("object") String object,
            @ExchangeProperty(Exports.READ) ResumedRead read, @ExchangeProperty(AbsentRecords.ABSENT) Long absent) {
        repository.recordRead(runId, object, read.recordsRead() + (absent == null ? 0 : absent));
    }

    public RunReport finish(Exchange exchange) {
        return end(exchange, stopRequested.get() ? "stopped" : "completed", null);
    }

    public RunReport fail(Exchange exchange, Throwable cause) {
        return end(exchange, "failed", cause.getMessage());
    }

    private RunReport end(Exchange exchange, String status, String error) {
        String runId = exchange.getProperty(RUN_ID, String.class);
        Instant now = Instant.now();
        repository.end(runId, status, now);
        if (current.compareAndSet(runId, null)) {
            oneRunAtATime.release();
        }
        String mode = exchange.getProperty(KIND, String.class);
        RunReport report = reports.build(runId, mode, status, exchange.getProperty(STARTED_AT, Instant.class), now, error);
        if (RunKind.SYNC.value().equals(mode) && error == null && quietCycle(runId, report)) {
            return report;
        }
        Path file = reports.write(report);
        LOG.infof("%sReport: %s", RunReports.summary(report), file);
        List<Path> rejects = rejectsFiles.write(runId);
        if (!rejects.isEmpty()) {
            LOG.infof("Rejects: %s", rejects);
        }
        List<Path> succeeded = successFiles.write(runId);
        if (!succeeded.isEmpty()) {
            LOG.infof("Success files: %s", succeeded);
        }
        // after the files: the page links to them
        LOG.infof("Report pages: %s", reportPages.write(report));
        List<Path> warned = warnings.write(runId);
        if (!warned.isEmpty()) {
            LOG.infof("Warnings: %s", warned);
        }
        return report;
    }

    /**
     * A sync cycle that changed nothing and rejected nothing leaves no report (and no run, if it read nothing): the
     * sync's status and its final delta report what the cycles did together.
     */
    private boolean quietCycle(String runId, RunReport report) {
        boolean rejected = report.objects().values().stream().anyMatch(counts -> counts.rejected() > 0);
        if (rejected) {
            return false;
        }
        if (repository.forgetIfEmpty(runId)) {
            return true;
        }
        boolean applied = report.objects().values().stream()
                .anyMatch(counts -> counts.loaded() + counts.updated() + counts.deleted() + counts.skipped() > 0);
        // a cycle that only read the overlap window again found everything unchanged: not worth a line a second
        LOG.logf(applied ? Logger.Level.INFO : Logger.Level.DEBUG, "%s", RunReports.summary(report));
        return true;
    }

    /** Whether a run is in progress in this process. */
    public boolean inProgress() {
        return current.get() != null;
    }

    /** Whether a sync cycle is in progress on this replica. */
    public boolean syncCycleInProgress() {
        return syncCycle && current.get() != null;
    }

    /** A run of another kind than the sync's that did not end: the sync waits until it is resumed and ends. */
    public boolean migrationInterrupted() {
        return repository.findInterrupted().filter(run -> !RunKind.SYNC.value().equals(run.mode())).isPresent();
    }

    /** A run started with a folder of fixed rejects reads them instead of the exports: a requeue run, of its kind. */
    private static String mode(Exchange exchange, RunKind kind) {
        if (exchange.getProperty(RequeuedRejects.FOLDER) == null) {
            return kind.value();
        }
        return kind == RunKind.FULL ? "requeue" : "requeue-" + kind.value();
    }
}
