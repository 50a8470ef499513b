package io.cutover.report;

import io.cutover.state.RunRepository;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the pipeline changed in records without rejecting them (a value truncated, undecodable bytes replaced, a value
 * the Bulk API would take for null): counted per object and reason for the run report, and listed one a line in
 * {@code runs/<run-id>/warnings/<Object>.csv}.
 */
@Singleton
public class Warnings {

    /** A mapping's warnings start with their code: {@code TRUNCATED: field Department: …}. */
    private static final Pattern CODE = Pattern.compile("^(?:.*?\\): )?([A-Z][A-Z_]+): ");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final RunRepository runs;
    private final Path dataDir;

    Warnings(RunRepository runs, @ConfigProperty(name = "cutover.data-dir") Path dataDir) {
        this.runs = runs;
        this.dataDir = dataDir;
    }

    /** The reason of a warning: its code, or for the source's own, the setting that made it. */
    static String reason(String warning) {
        Matcher code = CODE.matcher(warning);
        if (code.find()) {
            return code.group(1);
        }
        if (warning.contains("(undecodable: replace)")) {
            return "UNDECODABLE_REPLACED";
        }
        return warning.contains("means null to the Bulk API") ? "BULK_NULL_VALUE" : "OTHER";
    }

    /** Per object, per reason, how many warnings the run's records have. */
    public Map<String, Map<String, Long>> counts(String runId) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        runs.forEachWarned(runId, warned -> warned.warnings().lines().forEach(warning -> counts
                .computeIfAbsent(warned.object(), object -> new TreeMap<>()).merge(reason(warning), 1L, Long::sum)));
        return counts;
    }

    /** Writes one file per object with warnings, and returns them. */
    public List<Path> write(String runId) {
        Map<String, CSVPrinter> files = new LinkedHashMap<>();
        List<Path> written = new ArrayList<>();
        Path folder = dataDir.resolve("runs").resolve(runId).resolve("warnings");
        try {
            runs.forEachWarned(runId, warned -> {
                try {
                    CSVPrinter csv = files.get(warned.object());
                    if (csv == null) {
                        Files.createDirectories(folder);
                        Path file = folder.resolve(warned.object() + ".csv");
                        Writer text = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                        csv = new CSVPrinter(text, FORMAT);
                        csv.printRecord("legacy_id", "outcome", "reason", "warning");
                        files.put(warned.object(), csv);
                        written.add(file);
                    }
                    for (String warning : warned.warnings().lines().toList()) {
                        csv.printRecord(SpreadsheetCells.neutralise(warned.legacyId()), warned.outcome(), reason(warning),
                                SpreadsheetCells.neutralise(warning));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            for (CSVPrinter csv : files.values()) {
                try {
                    csv.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot write the warnings files of run " + runId, e);
                }
            }
        }
        return written;
    }
}
