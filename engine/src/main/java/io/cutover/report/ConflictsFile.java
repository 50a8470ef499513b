package io.cutover.report;

import io.cutover.state.SyncConflicts;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sync's conflicts as a spreadsheet, {@code sync/conflicts.csv} in the data folder beside {@code final-delta.json}:
 * every conflict with both versions, the policy, the decision and when it was made, oldest first. The state store's
 * table is the record; the file is written again from it whenever a conflict is recorded or resolved, whole and then
 * moved into place, so it never shows half a write.
 */
@Singleton
public class ConflictsFile {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final SyncConflicts conflicts;
    private final Path file;

    ConflictsFile(SyncConflicts conflicts, @ConfigProperty(name = "cutover.data-dir") Path dataDir) {
        this.conflicts = conflicts;
        this.file = dataDir.resolve("sync").resolve("conflicts.csv");
    }

    public Path write() {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling("conflicts.csv.partial");
            try (Writer text = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(text, FORMAT)) {
                csv.printRecord("id", "object", "legacy_id", "target_id", "policy", "decision", "detected_at",
                        "resolved_at", "target_version", "legacy_version");
                List<SyncConflicts.Conflict> newestFirst = conflicts.list(false);
                for (int i = newestFirst.size() - 1; i >= 0; i--) {
                    SyncConflicts.Conflict conflict = newestFirst.get(i);
                    csv.printRecord(conflict.id(), conflict.object(), conflict.legacyId(), conflict.targetId(),
                            conflict.policy(), conflict.decision(), conflict.detectedAt(), conflict.resolvedAt(),
                            conflict.targetVersion(), conflict.legacyVersion());
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
