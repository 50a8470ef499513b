package io.cutover.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One object's records of a run as a CSV file, as the rejects and success files are: each record's source columns as
 * read, then the columns the file adds. The source columns are the export's header, then any other column a record has
 * (a REST export's records need not share fields). The records are streamed from the state store twice, once for the
 * column names only and once for the rows, never held together.
 *
 * @param <R> a record as the state store gives it
 */
final class RecordsCsv<R> {

    /** The records, streamed from the state store. */
    interface Records<R> {
        void forEach(Each<R> each) throws IOException;
    }

    interface Each<R> {
        void accept(R record) throws IOException;
    }

    /** A record's row: its value of each source column, then the added cells. */
    interface Row<R> {
        List<String> cells(List<String> sourceColumns, Map<String, String> sourceValues, R record);
    }

    private static final TypeReference<LinkedHashMap<String, String>> SOURCE_VALUES = new TypeReference<>() {};

    private final ObjectMapper json;
    private final Records<R> records;
    private final Function<R, String> sourceValuesJson;

    RecordsCsv(ObjectMapper json, Records<R> records, Function<R, String> sourceValuesJson) {
        this.json = json;
        this.records = records;
        this.sourceValuesJson = sourceValuesJson;
    }

    /**
     * Writes {@code file} in {@code format} with the header that {@code header} makes of the source columns and a row per record. It is
     * written beside itself and moved in place: a file that is there is whole, and a run stopped while writing leaves
     * only the {@code .partial}.
     */
    Path write(Path file, CSVFormat format, List<String> exportHeader, Function<List<String>, List<String>> header,
            Row<R> row) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            List<String> sourceColumns = sourceColumns(exportHeader);
            Files.createDirectories(file.getParent());
            try (Writer text = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(text, format)) {
                csv.printRecord(header.apply(sourceColumns));
                records.forEach(record -> csv.printRecord(row.cells(sourceColumns, sourceValues(record), record)));
            }
            return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private List<String> sourceColumns(List<String> exportHeader) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        if (exportHeader != null) {
            columns.addAll(exportHeader);
        }
        records.forEach(record -> columns.addAll(sourceValues(record).keySet()));
        return List.copyOf(columns);
    }

    private Map<String, String> sourceValues(R record) throws IOException {
        String values = sourceValuesJson.apply(record);
        return values == null ? Map.of() : json.readValue(values, SOURCE_VALUES);
    }
}
