package io.cutover.source;

import io.cutover.state.Watermarks;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.SynchronizationAdapter;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/** The source stage: the records of an object's export, a CSV file or a REST API, for the route's splitter to stream. */
@Singleton
@Named("exports")
public class Exports {

    private static final Logger LOG = Logger.getLogger(Exports.class);
    /** The run kind that loads every record it reads (io.cutover.run.RunKind.FULL). */
    private static final String FULL_RUN = "full";

    private final SourceCatalog sources;
    private final RequeuedRejects requeued;
    private final ProducerTemplate camel;
    private final AccessTokens tokens;
    private final Watermarks watermarks;
    private final Config config;

    Exports(SourceCatalog sources, RequeuedRejects requeued, ProducerTemplate camel, AccessTokens tokens,
            Watermarks watermarks, Config config) {
        this.sources = sources;
        this.requeued = requeued;
        this.camel = camel;
        this.tokens = tokens;
        this.watermarks = watermarks;
        this.config = config;
    }

    /**
     * The records of the object's export, read one at a time (a REST export one page at a time) as the splitter asks
     * for them, never the export whole; the splitter closes the reader when it is done. A requeue run reads the
     * object's fixed rejects file instead.
     *
     * <p>An incremental REST export asks only for the changes since its stream's watermark, and advances the watermark
     * when the run's exchange completes without a failure, having read the export to its end: every record read is
     * staged or loaded by then, so a run that fails or crashes reads the same changes again next time rather than
     * skipping them. Only a run that takes every record advances it: not a dry run, a sample, a segment of the object,
     * nor a run stopped before its end.
     */
    public Iterator<SourceRecord> open(@ExchangeProperty("object") String object,
            @ExchangeProperty(RequeuedRejects.FOLDER) Path requeueFolder, @ExchangeProperty("runKind") String runKind,
            Exchange exchange) throws IOException {
        if (requeueFolder != null) {
            return requeued.open(object, requeueFolder);
        }
        Optional<RestSource> rest = sources.findRest(object);
        if (rest.isEmpty()) {
            return new CsvExportReader(sources.forObject(object));
        }
        RestSource source = rest.get();
        Optional<String> watermark = source.incremental().isPresent()
                ? watermarks.get(source.watermarkStream()) : Optional.empty();
        RestExportReader reader = new RestExportReader(source, new RestPages(camel, source, tokens), watermark);
        if (source.incremental().isPresent() && takesEveryRecord(object, runKind)) {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange completed) {
                    AtomicBoolean stopRequested = completed.getProperty("stopRequested", AtomicBoolean.class);
                    // a stopped run leaves records pending, which a run of another kind would abandon
                    if (!reader.completed() || stopRequested != null && stopRequested.get()) {
                        return;
                    }
                    reader.highestSeen().ifPresentOrElse(seen -> watermarks.advance(source.watermarkStream(), seen), () -> {
                        if (reader.recordsRead() > 0) {
                            LOG.warnf("%s: none of the %d records read has a value in '%s' (rest.incremental.field): "
                                    + "no watermark, the next read reads everything again", source.description(),
                                    reader.recordsRead(), source.incremental().get().field());
                        }
                    });
                }
            });
        }
        return reader;
    }

    /** The object's whole export, as the tools (profile, auto-map, mapping document) read it: from the start, whatever the watermark. */
    public Iterator<SourceRecord> openWhole(String object) throws IOException {
        Optional<RestSource> rest = sources.findRest(object);
        if (rest.isEmpty()) {
            return new CsvExportReader(sources.forObject(object));
        }
        return new RestExportReader(rest.get(), new RestPages(camel, rest.get(), tokens), Optional.empty());
    }

    private boolean takesEveryRecord(String object, String runKind) {
        return FULL_RUN.equals(runKind) && config.getOptionalValue("cutover.run.segment." + object, String.class).isEmpty();
    }
}
