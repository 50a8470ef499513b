package io.cutover.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.source.SourceCatalog;
import io.cutover.state.RejectedRecords;
import jakarta.inject.Named;
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
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rejects files of a run: per object, {@code runs/<run-id>/rejects/<Object>.csv} in the data folder, in the format
 * {@link RejectsFileFormat} describes: each rejected record's source columns as read, then why it was rejected. Fixed,
 * they are the input of a requeue run. Rows are streamed from the state store to the file, never held in memory
 * together.
 */
@Singleton
@Named("rejectsFiles")
public class RejectsFiles {

    private static final TypeReference<LinkedHashMap<String, String>> SOURCE_VALUES = new TypeReference<>() {};

    private final RejectedRecords rejected;
    private final ObjectMapper json;
    private final SourceCatalog sources;
    private final Path dataDir;

    RejectsFiles(RejectedRecords rejected, ObjectMapper json, SourceCatalog sources,
            @ConfigProperty(name = "cutover.data-dir") Path dataDir) {
        this.rejected = rejected;
        this.json = json;
        this.sources = sources;
        this.dataDir = dataDir;
    }

    /** The folder a run's rejects files are written to. */
    public Path folder(String runId) {
        return dataDir.resolve("runs").resolve(runId).resolve("rejects");
    }

    /** Writes a rejects file for each object of the run that has rejects, and returns them. */
    public List<Path> write(String runId) {
        List<Path> written = new ArrayList<>();
        for (String object : rejected.objects(runId)) {
            written.add(write(runId, object));
        }
        return written;
    }

    private Path write(String runId, String object) {
        Path file = folder(runId).resolve(RejectsFileFormat.fileName(object));
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        List<String> sourceColumns = sourceColumns(runId, object);
        try {
            Files.createDirectories(file.getParent());
            try (Writer text = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(text, RejectsFileFormat.CSV)) {
                csv.printRecord(RejectsFileFormat.header(sourceColumns));
                forEachReject(runId, object, reject -> csv.printRecord(RejectsFileFormat.row(sourceColumns,
                        reject.values(), reject.message(), reject.reasonCode(), reject.sourceRef())));
            }
            // a file that is there is whole: a run stopped while writing leaves only the .partial
            return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the rejects file " + file, e);
        }
    }

    /**
     * The source's columns in its header's order, then any other column a rejected record has (a REST export's
     * records need not all have the same fields): one pass over the rejects that keeps only the column names.
     */
    private List<String> sourceColumns(String runId, String object) {
        Set<String> columns = new LinkedHashSet<>();
        List<String> header = sources.header(object);
        if (header != null) {
            columns.addAll(header);
        }
        forEachReject(runId, object, reject -> columns.addAll(reject.values().keySet()));
        return List.copyOf(columns);
    }

    private record Reject(Map<String, String> values, String message, String reasonCode, String sourceRef) {}

    private interface RejectConsumer {
        void accept(Reject reject) throws IOException;
    }

    private void forEachReject(String runId, String object, RejectConsumer consumer) {
        try {
            rejected.forEach(runId, object, row -> consumer.accept(new Reject(row.sourceValues() == null ? Map.of()
                    : json.readValue(row.sourceValues(), SOURCE_VALUES), row.message(), row.reasonCode(), row.sourceRef())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the rejects of " + object + " in run " + runId, e);
        }
    }
}
