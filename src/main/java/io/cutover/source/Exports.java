package io.cutover.source;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;

/** The source stage: the records of an object's export, a CSV file or a REST API, for the route's splitter to stream. */
@Singleton
@Named("exports")
public class Exports {

    private final SourceCatalog sources;
    private final ProducerTemplate camel;

    Exports(SourceCatalog sources, ProducerTemplate camel) {
        this.sources = sources;
        this.camel = camel;
    }

    /**
     * The records of the object's export, read one at a time (a REST export one page at a time) as the splitter asks
     * for them, never the export whole; the splitter closes the reader when it is done.
     */
    public Iterator<SourceRecord> open(@ExchangeProperty("object") String object) throws IOException {
        Optional<RestSource> rest = sources.findRest(object);
        if (rest.isPresent()) {
            return new RestExportReader(rest.get(), new RestPages(camel, rest.get()));
        }
        return new CsvExportReader(sources.forObject(object));
    }
}
