package io.cutover.source;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to read one CSV export, as its source description says. An empty charset or delimiter means "detect it"
 * ({@link ExportCharset}, {@link CsvExportReader}).
 *
 * @param headerRow 1-based physical line of the header; the title rows above it are skipped
 * @param columnNames names given to header columns by position (1 for the first), instead of the header's own: a column
 *     without a name, or one of two with the same name
 * @param ignoredColumns header columns, by position, that are not read at all
 */
public record CsvSettings(Optional<Charset> charset, Optional<Character> delimiter, int headerRow,
        RaggedRows raggedRows, Undecodable undecodable, Map<Integer, String> columnNames, Set<Integer> ignoredColumns) {

    public static final CsvSettings DEFAULTS = new CsvSettings(Optional.empty(), Optional.empty(), 1,
            RaggedRows.REJECT, Undecodable.REJECT);

    public CsvSettings(Optional<Charset> charset, Optional<Character> delimiter, int headerRow, RaggedRows raggedRows,
            Undecodable undecodable) {
        this(charset, delimiter, headerRow, raggedRows, undecodable, Map.of(), Set.of());
    }

    /** What to do with a row that has fewer or more values than the header has columns. */
    public enum RaggedRows {
        /** The row is rejected with RAGGED_ROW. */
        REJECT,
        /** A short row gets empty values for its missing columns; a long row is still rejected, its extra values have no column. */
        PAD
    }

    /** What to do with bytes that are not valid in the export's charset. */
    public enum Undecodable {
        /** The row is rejected with UNDECODABLE_BYTES. */
        REJECT,
        /** The bytes become U+FFFD and the row is read, with a warning naming the row and the column. */
        REPLACE
    }

    public CsvSettings withCharset(Charset value) {
        return new CsvSettings(Optional.of(value), delimiter, headerRow, raggedRows, undecodable, columnNames, ignoredColumns);
    }

    public CsvSettings withDelimiter(char value) {
        return new CsvSettings(charset, Optional.of(value), headerRow, raggedRows, undecodable, columnNames, ignoredColumns);
    }

    public CsvSettings withHeaderRow(int value) {
        return new CsvSettings(charset, delimiter, value, raggedRows, undecodable, columnNames, ignoredColumns);
    }

    public CsvSettings with(RaggedRows value) {
        return new CsvSettings(charset, delimiter, headerRow, value, undecodable, columnNames, ignoredColumns);
    }

    public CsvSettings withColumns(Map<Integer, String> names, Set<Integer> ignored) {
        return new CsvSettings(charset, delimiter, headerRow, raggedRows, undecodable, Map.copyOf(names), Set.copyOf(ignored));
    }

    public CsvSettings with(Undecodable value) {
        return new CsvSettings(charset, delimiter, headerRow, raggedRows, value, columnNames, ignoredColumns);
    }
}
