package io.cutover.source;

import io.cutover.report.RejectsFiles;
import io.cutover.report.SpreadsheetCells;
import jakarta.inject.Singleton;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The source of a requeue run: a folder of fixed rejects files, {@code <Object>.csv} as a run wrote them
 * ({@link RejectsFiles}), read in place of the objects' exports. The columns the rejects file added are left out and the
 * cells' spreadsheet escaping is undone, so each record is its source row again, as fixed.
 */
@Singleton
public class RequeuedRejects {

    /** The exchange property that holds the folder of a requeue run; a run without it reads the exports. */
    public static final String FOLDER = "requeueFolder";

    private final SourceCatalog sources;

    RequeuedRejects(SourceCatalog sources) {
        this.sources = sources;
    }

    /**
     * Checks the folder before the run starts, so that a misnamed file is not silently left out: every CSV file in it
     * must be named after a described object and have that object's legacy id column. Returns the objects found.
     */
    public List<String> check(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("The requeue folder " + folder + " (cutover.requeue.dir) is not a folder");
        }
        List<String> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                String name = file.getFileName().toString();
                String object = name.substring(0, name.length() - ".csv".length());
                if (!sources.describes(object)) {
                    problems.add(name + " is not named after a described object (<Object>.csv, as the rejects folder has it)");
                    continue;
                }
                try (CsvExportReader reader = reader(object, file)) {
                    List<String> header = reader.header().stream().map(SpreadsheetCells::restore).toList();
                    if (!header.contains(legacyIdColumn(object))) {
                        problems.add(name + " has no column " + legacyIdColumn(object) + ", the legacy id of " + object);
                        continue;
                    }
                }
                objects.add(object);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The requeue folder " + folder + ": " + String.join("; ", problems));
        }
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("The requeue folder " + folder + " holds no rejects file (<Object>.csv)");
        }
        return objects;
    }

    /** The object's fixed rejects as source records, one at a time; none when the folder has no file for the object. */
    public Iterator<SourceRecord> open(String object, Path folder) throws IOException {
        Path file = folder.resolve(object + ".csv");
        if (!Files.isRegularFile(file)) {
            return Collections.emptyIterator();
        }
        return new FixedRejects(reader(object, file), legacyIdColumn(object));
    }

    private CsvExportReader reader(String object, Path file) throws IOException {
        // charset and delimiter detected: a spreadsheet may save the file in its own (windows-1252, semicolons)
        return new CsvExportReader(new ExportDescription(file, object, file, legacyIdColumn(object), CsvSettings.DEFAULTS));
    }

    private String legacyIdColumn(String object) {
        return sources.find(object).map(ExportDescription::legacyIdColumn)
                .orElseGet(() -> sources.findRest(object).orElseThrow().legacyIdColumn());
    }

    /** The rows of one rejects file as the source records they were before they were rejected. */
    private static final class FixedRejects implements Iterator<SourceRecord>, Closeable {

        private final CsvExportReader rows;
        private final String legacyIdColumn;

        FixedRejects(CsvExportReader rows, String legacyIdColumn) {
            this.rows = rows;
            this.legacyIdColumn = legacyIdColumn;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public SourceRecord next() {
            SourceRecord row = rows.next();
            if (!row.readable()) {
                return row;
            }
            Map<String, String> values = new LinkedHashMap<>();
            row.values().forEach((column, value) -> {
                String restored = SpreadsheetCells.restore(column);
                if (!RejectsFiles.added(restored)) {
                    values.put(restored, SpreadsheetCells.restore(value));
                }
            });
            String legacyId = values.get(legacyIdColumn);
            return SourceRecord.read(row.object(), legacyId == null || legacyId.isBlank() ? null : legacyId, row.file(),
                    row.line(), row.recordNumber(), values);
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}
