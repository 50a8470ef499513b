package io.cutover.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;

/**
 * The one description of a rejects file, for the run that writes it ({@link RejectsFiles}) and the requeue run that
 * reads it back once fixed ({@code io.cutover.source.RequeuedRejects}): {@code <Object>.csv}, in the shape Data
 * Loader's error files have, the rejected record's source columns as read and then the columns that say why. Every
 * cell is escaped for spreadsheets ({@link SpreadsheetCells}), and read back unescaped.
 */
public final class RejectsFileFormat {

    /** Data Loader's name for it: the column people look for in an error file. */
    public static final String ERROR = "ERROR";
    public static final String REASON_CODE = "cutover_reason_code";
    public static final String SOURCE = "cutover_source";
    /** The columns a rejects file adds to the source's, in their order. */
    public static final List<String> ADDED_COLUMNS = List.of(ERROR, REASON_CODE, SOURCE);
    /** What the error column was called before it took Data Loader's name: rejects files fixed since still requeue. */
    private static final String FORMER_ERROR = "cutover_error";
    private static final String EXTENSION = ".csv";
    /** LF line ends: what every spreadsheet reads, and what the documentation's example shows. */
    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private RejectsFileFormat() {
    }

    /** The name of the object's rejects file. */
    public static String fileName(String object) {
        return object + EXTENSION;
    }

    /** The object a file is the rejects file of, as its name says; none for a file that is not one. */
    public static Optional<String> objectOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(EXTENSION) ? Optional.of(name.substring(0, name.length() - EXTENSION.length()))
                : Optional.empty();
    }

    /** The header row, as written: the source's columns, then the added ones. */
    static List<String> header(List<String> sourceColumns) {
        List<String> header = new ArrayList<>(sourceColumns);
        header.addAll(ADDED_COLUMNS);
        return header.stream().map(SpreadsheetCells::neutralise).toList();
    }

    /** A rejected record's row, as written: its value of each source column (empty where it has none), then why. */
    static List<String> row(List<String> sourceColumns, Map<String, String> values, String error, String reasonCode,
            String source) {
        List<String> row = new ArrayList<>(sourceColumns.size() + ADDED_COLUMNS.size());
        sourceColumns.forEach(column -> row.add(values.getOrDefault(column, "")));
        row.add(error);
        row.add(reasonCode);
        row.add(source);
        return row.stream().map(SpreadsheetCells::neutralise).toList();
    }

    /** The column names of a header row as read, unescaped. */
    public static List<String> columns(List<String> header) {
        return header.stream().map(SpreadsheetCells::restore).toList();
    }

    /** A row as read (column → cell) as the source record's values again: unescaped, without the added columns. */
    public static Map<String, String> sourceValues(Map<String, String> row) {
        Map<String, String> values = new LinkedHashMap<>();
        row.forEach((column, cell) -> {
            String name = SpreadsheetCells.restore(column);
            if (!ADDED_COLUMNS.contains(name) && !FORMER_ERROR.equals(name)) {
                values.put(name, SpreadsheetCells.restore(cell));
            }
        });
        return values;
    }
}
