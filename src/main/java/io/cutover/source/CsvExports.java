package io.cutover.source;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** The source stage for CSV exports: streams for camel-csv to read, and each row it reads as a source record. */
@Singleton
@Named("csvExports")
public class CsvExports {

    private final SourceCatalog sources;

    CsvExports(SourceCatalog sources) {
        this.sources = sources;
    }

    /** The export of the object, as a stream for the route to unmarshal, never read whole into memory. */
    public InputStream open(@ExchangeProperty("object") String object) throws IOException {
        return new BufferedInputStream(Files.newInputStream(sources.forObject(object).file()));
    }

    public SourceRecord record(@Body Map<String, String> row, @ExchangeProperty("object") String object,
            @ExchangeProperty(Exchange.SPLIT_INDEX) int splitIndex) {
        ExportDescription export = sources.forObject(object);
        String legacyId = row.get(export.legacyIdColumn());
        return new SourceRecord(object, legacyId == null || legacyId.isBlank() ? null : legacyId,
                export.file().getFileName().toString(), splitIndex + 1L, row);
    }
}
