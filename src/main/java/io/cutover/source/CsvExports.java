package io.cutover.source;

import io.cutover.mapping.MappingCatalog;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.ExchangeProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** The legacy CRM's CSV exports: opened as streams for camel-csv, never read whole into memory. */
@Singleton
@Named("csvExports")
public class CsvExports {

    private final MappingCatalog mappings;

    CsvExports(MappingCatalog mappings) {
        this.mappings = mappings;
    }

    /** The export of the object, as a stream for the route to unmarshal. */
    public InputStream open(@ExchangeProperty("object") String object) throws IOException {
        return new BufferedInputStream(Files.newInputStream(mappings.forObject(object).source()));
    }

    /** The column names of an export's header row. */
    public static List<String> header(Path export) throws IOException {
        try (Reader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getHeaderNames();
        }
    }
}
