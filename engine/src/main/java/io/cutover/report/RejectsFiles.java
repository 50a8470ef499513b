package io.cutover.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.source.SourceCatalog;
import io.cutover.state.RejectedRecords;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        return new RecordsCsv<RejectedRecords.Rejected>(json, each -> rejected.forEach(runId, object, each::accept),
                RejectedRecords.Rejected::sourceValues)
                .write(folder(runId).resolve(RejectsFileFormat.fileName(object)), RejectsFileFormat.CSV, sources.header(object),
                        RejectsFileFormat::header, (sourceColumns, values, reject) -> RejectsFileFormat.row(sourceColumns,
                                values, reject.message(), reject.reasonCode(), reject.sourceRef()));
    }
}
