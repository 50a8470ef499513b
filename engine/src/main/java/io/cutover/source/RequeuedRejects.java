package io.cutover.source;

import io.cutover.report.RejectsFileFormat;
import jakarta.inject.Singleton;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The source of a requeue run: a folder of fixed rejects files, {@code <Object>.csv} as a run wrote them
 * ({@link RejectsFileFormat}), read in place of the objects' exports. The columns the rejects file added are left out and the
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
            for (Path file : files.filter(f -> RejectsFileFormat.objectOf(f).isPresent()).sorted().toList()) {
                String name = file.getFileName().toString();
                String object = RejectsFileFormat.objectOf(file).orElseThrow();
                if (!sources.describes(object)) {
                    problems.add(name + " is not named after a described object (<Object>.csv, as the rejects folder has it)");
                    continue;
                }
                try (CsvExportReader reader = reader(object, file)) {
                    List<String> header = RejectsFileFormat.columns(reader.header());
                    String needed = sources.sourceNames(object).isEmpty() ? legacyIdColumn(object)
                            : SourceRecord.SOURCE_NAME_COLUMN;
                    if (!ExportDescription.hasLegacyId(header, needed)) {
                        problems.add(name + " has no column " + needed + (needed.equals(SourceRecord.SOURCE_NAME_COLUMN)
                                ? ", the source name of each record of " + object + " (its exports name their sources)"
                                : ", the legacy id of " + object));
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
        Path file = folder.resolve(RejectsFileFormat.fileName(object));
        if (!Files.isRegularFile(file)) {
            return Collections.emptyIterator();
        }
        return new FixedRejects(reader(object, file), object);
    }

    private CsvExportReader reader(String object, Path file) throws IOException {
        // charset and delimiter detected: a spreadsheet may save the file in its own (windows-1252, semicolons);
        // the legacy id column of an object with several exports depends on the row's source
        String legacyIdColumn = sources.sourceNames(object).isEmpty() ? legacyIdColumn(object) : "";
        return new CsvExportReader(new ExportDescription(file, object, file, legacyIdColumn, CsvSettings.DEFAULTS));
    }

    /** The legacy id column of an object whose exports do not name sources: it has one description. */
    private String legacyIdColumn(String object) {
        return sources.legacyIdColumns(object).get(0);
    }

    /**
     * The rows of one rejects file as the source records they were before they were rejected. A record of an object
     * whose exports name their sources has its legacy id in the column of its source's export, namespaced as that
     * export's records are, by the source name the rejects file gives it.
     */
    private final class FixedRejects implements Iterator<SourceRecord>, Closeable {

        private final CsvExportReader rows;
        private final String object;
        private final Set<String> sourceNames;

        FixedRejects(CsvExportReader rows, String object) {
            this.rows = rows;
            this.object = object;
            this.sourceNames = sources.sourceNames(object);
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
            Map<String, String> values = RejectsFileFormat.sourceValues(row.values());
            if (sourceNames.isEmpty()) {
                return record(row, values, legacyIdColumn(object));
            }
            String sourceName = values.remove(SourceRecord.SOURCE_NAME_COLUMN);
            Optional<String> sourceLegacyIdColumn = sourceName == null ? Optional.empty()
                    : sources.legacyIdColumn(object, sourceName);
            if (sourceLegacyIdColumn.isEmpty()) {
                return SourceRecord.unreadable(object, null, row.file(), row.line(), row.recordNumber(), values,
                        "UNKNOWN_SOURCE", SourceRecord.SOURCE_NAME_COLUMN + " '" + (sourceName == null ? "" : sourceName)
                                + "' is not the source name of an export of " + object + " " + sourceNames
                                + ": it says which export the record is of, and so its legacy id's namespace");
            }
            return record(row, values, sourceLegacyIdColumn.get()).fromSource(sourceName);
        }

        private static SourceRecord record(SourceRecord row, Map<String, String> values, String legacyIdColumn) {
            String legacyId = ExportDescription.legacyIdOf(legacyIdColumn, values);
            return SourceRecord.read(row.object(), legacyId, row.file(),
                    row.line(), row.recordNumber(), values);
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}
