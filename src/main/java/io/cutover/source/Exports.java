package io.cutover.source;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;

/** The source stage: the records of an object's export, a CSV file or a REST API, for the route's splitter to stream. */
@Singleton
@Named("exports")
public class Exports {

    private final SourceCatalog sources;
    private final RequeuedRejects requeued;
    private final ProducerTemplate camel;

    Exports(SourceCatalog sources, RequeuedRejects requeued, ProducerTemplate camel) {
        this.sources = sources;
        this.requeued = requeued;
        this.camel = camel;
    }

    /**
     * The records of the object's export, read one at a time (a REST export one page at a time) as the splitter asks
     * for them, never the export whole; the splitter closes the reader when it is done. A requeue run reads the
     * object's fixed rejects file instead.
     */
    public Iterator<SourceRecord> open(@ExchangeProperty("object") String object,
            @ExchangeProperty(RequeuedRejects.FOLDER) Path requeueFolder) throws IOException {
        if (requeueFolder != null) {
            return requeued.open(object, requeueFolder);
        }
        Optional<RestSource> rest = sources.findRest(object);
        if (rest.isPresent()) {
            return new RestExportReader(rest.get(), new RestPages(camel, rest.get()));
        }
        return new CsvExportReader(sources.forObject(object));
    }
}
