package io.cutover.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.source.SourceCatalog;
import io.cutover.state.LoadedRecords;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
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

    /** Data Loader's success files' shape: LF line ends, quoted only where a cell needs it. */
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
        return new RecordsCsv<LoadedRecords.Loaded>(json, each -> loaded.forEach(runId, object, each::accept),
                LoadedRecords.Loaded::sourceValues)
                .write(folder(runId).resolve(object + ".csv"), FORMAT, sources.header(object), SuccessFiles::header,
                        (sourceColumns, values, record) -> {
                            List<String> row = new ArrayList<>(sourceColumns.size() + 2);
                            sourceColumns.forEach(column -> row.add(values.getOrDefault(column, "")));
                            row.add(record.targetId());
                            row.add(record.created() ? "created" : "updated");
                            return row.stream().map(SpreadsheetCells::neutralise).toList();
                        });
    }

    private static List<String> header(List<String> sourceColumns) {
        List<String> header = new ArrayList<>(sourceColumns);
        header.add(ID);
        header.add(STATUS);
        return header.stream().map(SpreadsheetCells::neutralise).toList();
    }
}
