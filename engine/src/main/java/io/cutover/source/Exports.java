package io.cutover.source;

import io.cutover.state.LeaderLeases;
import io.cutover.state.RunRepository;
import io.cutover.state.SyncQueue;
import io.cutover.state.Watermarks;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.SynchronizationAdapter;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The source stage: the records of an object's export, a CSV file or a REST API, for the route's splitter to stream. */
@Singleton
@Named("exports")
public class Exports {

    private static final Logger LOG = Logger.getLogger(Exports.class);
    /** The run kind that loads every record it reads (io.cutover.run.RunKind.FULL). */
    private static final String FULL_RUN = "full";
    /** Set on a sync cycle of the final delta: every change waiting in the sync queue is tried, due or not. */
    public static final String FINAL_DELTA = "finalDelta";
    /**
     * Set on the final delta's second cycle: the whole export is read, not only the changes since the watermark, so
     * that whatever the cycles before missed (a record the bulk load rejected because its parent came later) is applied.
     */
    public static final String COMPLETE_READ = "completeRead";
    /** A sync cycle of a delta file (io.cutover.sync.DeltaFiles): the file read instead of the object's export. */
    public static final String DELTA_FILE = "deltaFile";
    /** A sync cycle's holding of the sync's lease: its watermark writes check that it still holds it. */
    public static final String SYNC_FENCE = "syncFence";
    /**
     * The object's export as this attempt at the run reads it ({@link ResumedRead}): how many records it went through,
     * skipped ones included, is the run's count of records read.
     */
    public static final String READ = "exportRead";
    /** The most queued changes of an object one sync cycle tries; the rest wait for the next cycle. */
    private static final int QUEUE_READ_LIMIT = 10_000;

    private final SourceCatalog sources;
    private final RequeuedRejects requeued;
    private final ProducerTemplate camel;
    private final AccessTokens tokens;
    private final Watermarks watermarks;
    private final SyncQueue syncQueue;
    private final RunRepository runs;
    private final Config config;
    private final Duration syncOverlap;

    Exports(SourceCatalog sources, RequeuedRejects requeued, ProducerTemplate camel, AccessTokens tokens,
            Watermarks watermarks, SyncQueue syncQueue, RunRepository runs, Config config,
            @ConfigProperty(name = "cutover.sync.overlap") Duration syncOverlap) {
        this.syncQueue = syncQueue;
        this.runs = runs;
        this.syncOverlap = syncOverlap;
        this.sources = sources;
        this.requeued = requeued;
        this.camel = camel;
        this.tokens = tokens;
        this.watermarks = watermarks;
        this.config = config;
    }

    /**
     * The records of the object's export, read as the splitter asks for the next chunk of them (a REST export one page
     * at a time), never the export whole; the splitter closes the reader when it is done. A requeue run reads the
     * object's fixed rejects file instead.
     *
     * <p>An incremental REST export asks only for the changes since its stream's watermark, and advances the watermark
     * when the run's exchange completes without a failure, having read the export to its end: every record read is
     * staged or loaded by then, so a run that fails or crashes reads the same changes again next time rather than
     * skipping them. Only a run that takes every record advances it: not a dry run, a sample, a segment of the object,
     * nor a run stopped before its end.
     *
     * <p>An attempt that resumes an interrupted run reads past the records the interrupted attempt staged of this
     * export ({@link ResumedRead}): they are not mapped nor staged again, and the read goes on from the first record
     * after them, numbered as before.
     */
    public Iterator<SourceRecord> open(@ExchangeProperty("object") String object,
            @ExchangeProperty(RequeuedRejects.FOLDER) Path requeueFolder, @ExchangeProperty("runKind") String runKind,
            Exchange exchange) throws IOException {
        // a sync cycle is never resumed: it starts from nothing staged
        long lastStaged = SyncQueue.SYNC_RUN.equals(runKind) ? 0
                : runs.lastRecordStaged(exchange.getProperty("runId", String.class), object);
        if (lastStaged > 0) {
            LOG.infof("%s: records 1 to %,d were staged by the interrupted attempt at this run: read past, not mapped again",
                    object, lastStaged);
        }
        ResumedRead read = new ResumedRead(records(object, requeueFolder, runKind, exchange), lastStaged);
        exchange.setProperty(READ, read);
        return read;
    }

    /**
     * Whether the object's export ended among the records an interrupted attempt staged: the steps that come with its
     * last record are still to run.
     */
    public boolean endedWithinStaged(@ExchangeProperty(READ) ResumedRead read) {
        return read != null && read.endedWithinStaged();
    }

    private Iterator<SourceRecord> records(String object, Path requeueFolder, String runKind, Exchange exchange)
            throws IOException {
        if (requeueFolder != null) {
            return requeued.open(object, requeueFolder);
        }
        boolean syncCycle = SyncQueue.SYNC_RUN.equals(runKind);
        List<SyncQueue.Held> held = syncCycle ? syncQueue.claimDue(object, exchange.getProperty("runId", String.class),
                Boolean.TRUE.equals(exchange.getProperty(FINAL_DELTA, Boolean.class)), QUEUE_READ_LIMIT) : List.of();
        if (syncCycle) {
            releaseHeldOnCompletion(exchange);
        }
        List<RestSource> rest = sources.restSources(object);
        Path deltaFile = exchange.getProperty(DELTA_FILE, Path.class);
        if (rest.isEmpty()) {
            if (!syncCycle) {
                return fileExports(object);
            }
            Iterator<SourceRecord> delta = deltaFile == null ? Collections.emptyIterator()
                    : new CsvExportReader(sources.forObject(object).withFile(deltaFile)).numberingAfter(held.size());
            return held.isEmpty() ? delta : new HeldThenRead(heldRecords(object, held), delta);
        }
        boolean completeRead = Boolean.TRUE.equals(exchange.getProperty(COMPLETE_READ, Boolean.class));
        // each source reads from its own watermark: one system's changes never skip another's
        SeveralRestSourcesReader reader = new SeveralRestSourcesReader(rest, held.size(), (source, recordsBefore) -> {
            Optional<String> watermark = source.incremental().isPresent()
                    ? watermarks.get(source.watermarkStream()) : Optional.empty();
            RestPages pages = new RestPages(camel, source, tokens);
            return syncCycle && !completeRead
                    ? RestExportReader.changesSince(source, pages, watermark.map(this::withOverlap), recordsBefore)
                    : new RestExportReader(source, pages, completeRead ? Optional.empty() : watermark, recordsBefore);
        });
        if (rest.stream().anyMatch(source -> source.incremental().isPresent()) && takesEveryRecord(object, runKind)) {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange completed) {
                    AtomicBoolean stopRequested = completed.getProperty("stopRequested", AtomicBoolean.class);
                    // a stopped run leaves records pending, which a run of another kind would abandon
                    if (stopRequested == null || !stopRequested.get()) {
                        reader.reads().forEach((source, read) -> advanceWatermark(source, read,
                                completed.getProperty(SYNC_FENCE, LeaderLeases.Fence.class)));
                    }
                }
            });
        }
        return held.isEmpty() ? reader : new HeldThenRead(heldRecords(object, held), reader);
    }

    /** The source's watermark to the highest change its read saw, once the read has reached its last page. */
    private void advanceWatermark(RestSource source, RestExportReader read, LeaderLeases.Fence fence) {
        if (source.incremental().isEmpty() || !read.completed()) {
            return;
        }
        read.highestSeen().ifPresentOrElse(seen -> watermarks.advance(source.watermarkStream(), seen, fence), () -> {
            if (read.recordsRead() > 0) {
                LOG.warnf("%s: none of the %d records read has a value in '%s' (rest.incremental.field): no watermark, "
                        + "the next read reads everything again", source.description(), read.recordsRead(),
                        source.incremental().get().field());
            }
        });
    }

    /**
     * The changes a sync cycle took from its queue leave it when the cycle completes: each has its outcome by then, or
     * waits in the queue again. A cycle that fails or is stopped leaves them for the next one.
     */
    private void releaseHeldOnCompletion(Exchange exchange) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange completed) {
                AtomicBoolean stopRequested = completed.getProperty("stopRequested", AtomicBoolean.class);
                if (stopRequested == null || !stopRequested.get()) {
                    syncQueue.release(completed.getProperty("runId", String.class));
                }
            }
        });
    }

    /**
     * The queue's changes as records read again, numbered first; where they came from first is kept in their reference,
     * and the source they were read from in their source name (their legacy ids are namespaced already).
     */
    private static Iterator<SourceRecord> heldRecords(String object, List<SyncQueue.Held> held) {
        return IntStream.range(0, held.size()).mapToObj(index -> {
            SyncQueue.Held change = held.get(index);
            Map<String, String> values = new LinkedHashMap<>(change.sourceValues());
            String sourceName = values.remove(SourceRecord.SOURCE_NAME_COLUMN);
            SourceRecord record = SourceRecord.fromPage(object, change.legacyId(), "sync queue (attempt "
                    + (change.attempts() + 1) + ", after " + change.reasonCode() + "; first read at "
                    + change.sourceRef() + ")", 1, index + 1L, index + 1L, values);
            return sourceName == null ? record : record.namespacedAlready(sourceName);
        }).iterator();
    }

    /** The queue's changes, then the records read; closing it closes the reader (the splitter closes what it split). */
    private record HeldThenRead(Iterator<SourceRecord> held, Iterator<SourceRecord> read)
            implements Iterator<SourceRecord>, Closeable {

        @Override
        public boolean hasNext() {
            return held.hasNext() || read.hasNext();
        }

        @Override
        public SourceRecord next() {
            return held.hasNext() ? held.next() : read.next();
        }

        @Override
        public void close() throws IOException {
            if (read instanceof Closeable closeable) {
                closeable.close();
            }
        }
    }

    /**
     * The watermark less the overlap window: changes committed late, or stamped by a clock a little behind, are read
     * again rather than missed (the ledger keeps each version once). A marker that is no timestamp stays as it is.
     */
    private String withOverlap(String watermark) {
        try {
            return OffsetDateTime.parse(watermark).minus(syncOverlap).toInstant().toString();
        } catch (DateTimeParseException notATimestamp) {
            return watermark;
        }
    }

    /** The object's whole export, as the tools (profile, auto-map, mapping document) read it: from the start, whatever the watermark. */
    public Iterator<SourceRecord> openWhole(String object) throws IOException {
        List<RestSource> rest = sources.restSources(object);
        if (rest.isEmpty()) {
            return fileExports(object);
        }
        return new SeveralRestSourcesReader(rest, 0, (source, recordsBefore) -> new RestExportReader(source,
                new RestPages(camel, source, tokens), Optional.empty(), recordsBefore));
    }

    /** The object's export files, read one after another; one file is read as it is (a caller may want its charset). */
    private Iterator<SourceRecord> fileExports(String object) throws IOException {
        List<ExportDescription> exports = sources.exports(object);
        return exports.size() == 1 ? new CsvExportReader(exports.get(0)) : new SeveralExportsReader(exports);
    }

    private boolean takesEveryRecord(String object, String runKind) {
        return (FULL_RUN.equals(runKind) || SyncQueue.SYNC_RUN.equals(runKind))
                && config.getOptionalValue("cutover.run.segment." + object, String.class).isEmpty();
    }
}
