package io.cutover.source;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one CSV export as a stream of {@link SourceRecord}s for the route's splitter: one row in memory at a time,
 * whatever the size of the file. Each record knows the physical line it starts on. A row that cannot be read becomes a
 * record flagged with its reason instead of an exception, so the rows after it are still read; only a failure to read
 * the file itself (or its header) is an exception.
 */
public final class CsvExportReader implements Iterator<SourceRecord>, Closeable {

    /** A header line longer than this is not scanned further for the delimiter. */
    private static final int DELIMITER_SCAN_LIMIT = 1 << 16;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final char REPLACEMENT = '\uFFFD';
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final ExportDescription export;
    private final String fileName;
    private final Charset charset;
    private final String charsetReason;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    /** The header as the file has it. */
    private final List<String> rawHeader;
    /** The columns read, named as the description says (columns:), the ignored ones left out. */
    private final List<String> header;
    /** The 0-based position in a row of each column of {@link #header}. */
    private final int[] positions;
    /** Physical lines above the parser's first line: the title rows. */
    private final long linesSkipped;
    private long recordNumber;
    private SourceRecord next;
    /** After a row the parser gave up on, the rest of that physical row comes next and belongs to the rejected row. */
    private boolean restOfMalformedRowComes;
    private boolean endOfFile;

    public CsvExportReader(ExportDescription export) throws IOException {
        this.export = export;
        this.fileName = export.file().getFileName().toString();
        CsvSettings settings = export.csv();
        ExportCharset.Detection detection = settings.charset().isPresent()
                ? new ExportCharset.Detection(settings.charset().get(), "named in the source description")
                : ExportCharset.detectWithReason(export.file());
        this.charset = detection.charset();
        this.charsetReason = detection.reason();
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(REPLACEMENT));
        BufferedReader text = new BufferedReader(new InputStreamReader(Files.newInputStream(export.file()), decoder), 1 << 16);
        try {
            skipByteOrderMark(text);
            this.linesSkipped = settings.headerRow() - 1L;
            for (long line = 1; line <= linesSkipped; line++) {
                if (!skipLine(text)) {
                    throw new IOException(fileName + " has " + (line - 1) + " lines, the header is expected on line "
                            + settings.headerRow() + " (headerRow)");
                }
            }
            char delimiter = settings.delimiter().isPresent() ? settings.delimiter().get() : detectDelimiter(text);
            this.parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get().parse(text);
            this.rows = parser.iterator();
            this.rawHeader = readHeader();
            for (int position : settings.columnNames().keySet()) {
                checkPosition(position, "columns");
            }
            for (int position : settings.ignoredColumns()) {
                checkPosition(position, "ignoreColumns");
            }
            List<String> kept = new ArrayList<>();
            List<Integer> keptPositions = new ArrayList<>();
            for (int column = 0; column < rawHeader.size(); column++) {
                if (!settings.ignoredColumns().contains(column + 1)) {
                    kept.add(settings.columnNames().getOrDefault(column + 1, rawHeader.get(column)));
                    keptPositions.add(column);
                }
            }
            this.header = List.copyOf(kept);
            this.positions = keptPositions.stream().mapToInt(Integer::intValue).toArray();
        } catch (IOException | RuntimeException e) {
            text.close();
            throw e;
        }
    }

    /** Numbers its records from {@code records} + 1: a sync cycle reads the changes waiting in its queue first. */
    public CsvExportReader numberingAfter(long records) {
        this.recordNumber = records;
        return this;
    }

    /** The number of the last record read (of the records it was numbered after, before the first). */
    public long lastRecordNumber() {
        return recordNumber;
    }

    /** The column names, in the file's order: named as the description says, without the columns it ignores. */
    public List<String> header() {
        return header;
    }

    /** The header as the file has it. */
    public List<String> rawHeader() {
        return rawHeader;
    }

    private void checkPosition(int position, String key) throws IOException {
        if (position > rawHeader.size()) {
            throw new IOException(key + ": column " + position + " is past the header of " + fileName + ", which has "
                    + rawHeader.size() + " columns");
        }
    }

    public Charset charset() {
        return charset;
    }

    /** Why the file is read in {@link #charset()}: named in the description, or the detection rule that chose it. */
    public String charsetReason() {
        return charsetReason;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !endOfFile) {
            next = readNext();
            endOfFile = next == null;
        }
        return next != null;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException(fileName + " has no more records");
        }
        SourceRecord record = next;
        next = null;
        return export.source().map(record::fromSource).orElse(record);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private List<String> readHeader() throws IOException {
        try {
            if (!rows.hasNext()) {
                throw new IOException(fileName + " is empty: no header on line " + export.csv().headerRow());
            }
            return rows.next().toList();
        } catch (UncheckedIOException e) {
            throw new IOException(fileName + ": the header on line " + export.csv().headerRow() + " cannot be read: "
                    + e.getCause().getMessage(), e);
        }
    }

    private SourceRecord readNext() {
        while (true) {
            // Between records the parser has read whole lines, so the next record starts on the line after them.
            long line = linesSkipped + parser.getCurrentLineNumber() + 1;
            CSVRecord row;
            try {
                if (!rows.hasNext()) {
                    return null;
                }
                row = rows.next();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof CSVException)) {
                    throw e;
                }
                return unparsable(line, (CSVException) e.getCause());
            }
            if (restOfMalformedRowComes) {
                restOfMalformedRowComes = false;
            } else if (!isBlankLine(row)) {
                return toRecord(row, line);
            }
        }
    }

    private SourceRecord unparsable(long line, CSVException problem) {
        recordNumber++;
        if (problem.getMessage().contains("EOF reached before encapsulated token finished")) {
            endOfFile = true;
            return unreadable(line, "UNTERMINATED_QUOTE", "a quoted value opened in this row is never closed; "
                    + "the rest of the file (to line " + (linesSkipped + parser.getCurrentLineNumber()) + ") is inside it");
        }
        restOfMalformedRowComes = true;
        return unreadable(line, "MALFORMED_ROW", problem.getMessage());
    }

    /** A blank line holds no record; skipping it is not dropping a row. */
    private static boolean isBlankLine(CSVRecord row) {
        return row.size() == 1 && row.get(0).isEmpty();
    }

    private SourceRecord toRecord(CSVRecord row, long line) {
        recordNumber++;
        int width = rawHeader.size();
        if (row.size() > width || row.size() < width && export.csv().raggedRows() == CsvSettings.RaggedRows.REJECT) {
            return unreadable(line, "RAGGED_ROW", "has " + row.size() + " values, the header has " + width + " columns");
        }
        Map<String, String> values = new LinkedHashMap<>((header.size() + export.values().size()) * 2);
        for (int column = 0; column < header.size(); column++) {
            values.put(header.get(column), positions[column] < row.size() ? row.get(positions[column]) : "");
        }
        values.putAll(export.values());
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            MisDecoding.Checked checked = MisDecoding.check(value.getKey(), value.getValue(), charset,
                    export.csv().charset().isEmpty());
            if (checked.warning() != null) {
                value.setValue(checked.value());
                warnings.add(checked.warning());
            }
            if (value.getValue().indexOf('\0') >= 0) {
                return unreadable(line, "NULL_BYTE", "column '" + value.getKey() + "' holds a null byte from its character "
                        + (value.getValue().indexOf('\0') + 1), values);
            }
            if (value.getValue().indexOf(REPLACEMENT) >= 0) {
                String problem = "column '" + value.getKey() + "' holds bytes that are not valid " + charset.name()
                        + (export.csv().charset().isEmpty() ? " (detected; set charset: in the source description)" : "")
                        + " from its character " + (value.getValue().indexOf(REPLACEMENT) + 1) + " (shown as U+FFFD)";
                if (export.csv().undecodable() == CsvSettings.Undecodable.REJECT) {
                    return unreadable(line, "UNDECODABLE_BYTES", problem, values);
                }
                long undecodable = value.getValue().chars().filter(c -> c == REPLACEMENT).count();
                warnings.add("column '" + value.getKey() + "': " + undecodable + " undecodable "
                        + (undecodable == 1 ? "byte sequence" : "byte sequences") + " (not valid " + charset.name()
                        + ") replaced by U+FFFD (undecodable: replace)");
            }
        }
        String legacyId = ExportDescription.legacyIdOf(export.legacyIdColumn(), values);
        SourceRecord record = SourceRecord.read(export.object(), legacyId == null || legacyId.isBlank() ? null : legacyId,
                fileName, line, recordNumber, values);
        for (String warning : warnings) {
            record = record.withWarning(warning);
        }
        return record;
    }

    private SourceRecord unreadable(long line, String code, String reason) {
        return SourceRecord.unreadable(export.object(), null, fileName, line, recordNumber, Map.of(), code, reason);
    }

    /**
     * A row rejected for what some of its values hold keeps them all as read (undecodable bytes as U+FFFD), and its
     * legacy id where that decodes: the rejects file gives them back to be fixed and requeued.
     */
    private SourceRecord unreadable(long line, String code, String reason, Map<String, String> values) {
        String legacyId = ExportDescription.legacyIdOf(export.legacyIdColumn(), values);
        boolean legible = legacyId != null && !legacyId.isBlank() && legacyId.indexOf(REPLACEMENT) < 0
                && legacyId.indexOf('\0') < 0;
        return SourceRecord.unreadable(export.object(), legible ? legacyId : null, fileName, line, recordNumber, values,
                code, reason);
    }

    private static void skipByteOrderMark(BufferedReader text) throws IOException {
        text.mark(1);
        if (text.read() != BYTE_ORDER_MARK) {
            text.reset();
        }
    }

    /** Skips one title row, ended by CR, LF or CRLF; false at the end of the file. */
    private static boolean skipLine(BufferedReader text) throws IOException {
        int c = text.read();
        if (c == -1) {
            return false;
        }
        while (c != -1 && c != '\n' && c != '\r') {
            c = text.read();
        }
        if (c == '\r') {
            text.mark(1);
            if (text.read() != '\n') {
                text.reset();
            }
        }
        return true;
    }

    /** The candidate delimiter found most often outside quotes in the header line; a comma if none is. */
    private static char detectDelimiter(BufferedReader text) throws IOException {
        int[] counts = new int[DELIMITERS.length];
        text.mark(DELIMITER_SCAN_LIMIT + 1);
        boolean quoted = false;
        for (int i = 0, c = text.read(); i < DELIMITER_SCAN_LIMIT && c != -1; i++, c = text.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    counts[d] += c == DELIMITERS[d] ? 1 : 0;
                }
            }
        }
        text.reset();
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            best = counts[d] > counts[best] ? d : best;
        }
        return DELIMITERS[best];
    }
}
