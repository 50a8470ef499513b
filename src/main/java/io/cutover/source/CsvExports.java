package io.cutover.source;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.apache.camel.ExchangeProperty;

/** The source stage for CSV exports: the records of an object's export, for the route's splitter to stream. */
@Singleton
@Named("csvExports")
public class CsvExports {

    private final SourceCatalog sources;

    CsvExports(SourceCatalog sources) {
        this.sources = sources;
    }

    /**
     * The records of the object's export, read one at a time as the splitter asks for them, never the file whole; the
     * splitter closes the reader when it is done.
     */
    public CsvExportReader open(@ExchangeProperty("object") String object) throws IOException {
        return new CsvExportReader(sources.forObject(object));
    }
}
