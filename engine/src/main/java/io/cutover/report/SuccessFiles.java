package io.cutover.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.source.SourceCatalog;
import io.cutover.state.LoadedRecords;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The success files of a run: per object, {@code runs/<run-id>/success/<Object>.csv}, in the shape of Data Loader's
 * success files: each created or updated record's source columns, then {@code ID} (the target id) and
 * {@code STATUS} ({@code created} or {@code updated}). The crosswalk from legacy ids to target ids people ask for
 * after every migration. Streamed from the state store, never held in memory together.
 */
@Singleton
public class SuccessFiles {

    public static final String ID = "ID";
    public static final String STATUS = "STATUS";

    private static final TypeReference<LinkedHashMap<String, String>> SOURCE_VALUES = new TypeReference<>() {};
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final LoadedRecords loaded;
    private final ObjectMapper json;
    private final SourceCatalog sources;
    private final Path dataDir;

    SuccessFiles(LoadedRecords loaded, ObjectMapper json, SourceCatalog sources,
            @ConfigProperty(name = "cutover.data-dir") Path dataDir) {
        this.loaded = loaded;
        this.json = json;
        this.sources = sources;
        this.dataDir = dataDir;
    }

    /** The folder a run's success files are written to. */
    public Path folder(String runId) {
        return dataDir.resolve("runs").resolve(runId).resolve("success");
    }

    /** Writes a success file for each object of the run with created or updated records, and returns them. */
    public List<Path> write(String runId) {
        List<Path> written = new ArrayList<>();
        for (String object : loaded.objects(runId)) {
            written.add(write(runId, object));
        }
        return written;
    }

    private Path write(String runId, String object) {
        Path file = folder(runId).resolve(object + ".csv");
        Path partial = file.resolveSibling(object + ".csv.partial");
        try {
            List<String> sourceColumns = sourceColumns(runId, object);
            List<String> header = new ArrayList<>(sourceColumns);
            header.add(ID);
            header.add(STATUS);
            Files.createDirectories(file.getParent());
            try (Writer text = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(text, FORMAT)) {
                csv.printRecord(header.stream().map(SpreadsheetCells::neutralise));
                loaded.forEach(runId, object, record -> {
                    Map<String, String> values = values(record);
                    List<String> row = new ArrayList<>(header.size());
                    sourceColumns.forEach(column -> row.add(values.getOrDefault(column, "")));
                    row.add(record.targetId());
                    row.add(record.created() ? "created" : "updated");
                    csv.printRecord(row.stream().map(SpreadsheetCells::neutralise));
                });
            }
            // a file that is there is whole: a run stopped while writing leaves only the .partial
            return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the success file " + file, e);
        }
    }

    /** The source's header, then any other column a record has (REST records need not share fields): names only. */
    private List<String> sourceColumns(String runId, String object) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        List<String> header = sources.header(object);
        if (header != null) {
            columns.addAll(header);
        }
        loaded.forEach(runId, object, record -> columns.addAll(values(record).keySet()));
        return List.copyOf(columns);
    }

    private Map<String, String> values(LoadedRecords.Loaded record) throws IOException {
        return record.sourceValues() == null ? Map.of() : json.readValue(record.sourceValues(), SOURCE_VALUES);
    }
}
