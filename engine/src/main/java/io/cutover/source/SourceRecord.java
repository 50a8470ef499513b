package io.cutover.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record as the legacy export holds it, with where it came from: its file and the physical line it starts on, or
 * for a REST export the URL of its page, the page's number and its position on the page; and its record number. A row
 * the reader could not read is still a record, flagged with the reason ({@link #rejectCode()}), so that it reaches the
 * ledger like every other row instead of stopping the export or vanishing.
 *
 * @param file the export file's name, or the URL of the page a REST export's record was on
 * @param line the physical line the row starts on; 0 for a record from a REST page, which has no lines
 * @param page the number of the REST page (1 for the first); 0 for a row of a file
 * @param position the record's position on its REST page (1 for the first); 0 for a row of a file
 * @param warnings what the reader changed without rejecting the record (bytes replaced), each naming where; the
 *        mapping stage hands them on with the record's outcome
 * @param source the source name of the export the record came from ({@code fr}), which its legacy id is namespaced
 *        with ({@code fr:10000}); null for an export without one
 */
public record SourceRecord(String object, String legacyId, String file, long line, long page, long position,
        long recordNumber, Map<String, String> values, String rejectCode, String rejectMessage, List<String> warnings,
        String source) {

    /**
     * The column that keeps a record's source name beside its values in the ledger, so that the rejects file says which
     * export a rejected record came from and a requeue run namespaces its legacy id (and its parents') as the export did.
     */
    public static final String SOURCE_NAME_COLUMN = "cutover_source_name";

    public static SourceRecord read(String object, String legacyId, String file, long line, long recordNumber,
            Map<String, String> values) {
        return new SourceRecord(object, legacyId, file, line, 0, 0, recordNumber, values, null, null, List.of(), null);
    }

    /** A row that could not be read; {@code reason} completes the message that names file and line. */
    public static SourceRecord unreadable(String object, String legacyId, String file, long line, long recordNumber,
            Map<String, String> values, String rejectCode, String reason) {
        SourceRecord record = read(object, legacyId, file, line, recordNumber, values);
        return new SourceRecord(object, legacyId, file, line, 0, 0, recordNumber, values, rejectCode,
                record.sourceRef() + ": " + reason, List.of(), null);
    }

    /** A record of a REST export, found at {@code position} on the page fetched from {@code pageUrl}. */
    public static SourceRecord fromPage(String object, String legacyId, String pageUrl, long page, long position,
            long recordNumber, Map<String, String> values) {
        return new SourceRecord(object, legacyId, pageUrl, 0, page, position, recordNumber, values, null, null,
                List.of(), null);
    }

    /** The record as read from the export of that source name: its legacy id namespaced, {@code fr:10000}. */
    public SourceRecord fromSource(String name) {
        return new SourceRecord(object, legacyId == null ? null : name + ":" + legacyId, file, line, page, position,
                recordNumber, values, rejectCode, rejectMessage, warnings, name);
    }

    /** The record as of the source of that name, its legacy id namespaced already (a change read again from the queue). */
    public SourceRecord namespacedAlready(String name) {
        return new SourceRecord(object, legacyId, file, line, page, position, recordNumber, values, rejectCode,
                rejectMessage, warnings, name);
    }

    /** The values the ledger keeps of the record: as read, and its source name when it has one. */
    public Map<String, String> valuesKept() {
        if (source == null) {
            return values;
        }
        Map<String, String> kept = new LinkedHashMap<>(values);
        kept.put(SOURCE_NAME_COLUMN, source);
        return kept;
    }

    /** The same record with one more warning, which names where the record is: {@code contacts.csv line 14: …}. */
    public SourceRecord withWarning(String warning) {
        List<String> more = new ArrayList<>(warnings);
        more.add(sourceRef() + ": " + warning);
        return new SourceRecord(object, legacyId, file, line, page, position, recordNumber, values, rejectCode,
                rejectMessage, List.copyOf(more), source);
    }

    /** Where the record came from, for every outcome and error message. */
    public String sourceRef() {
        if (page > 0) {
            return file + " page " + page + " position " + position + " (record " + recordNumber + ")";
        }
        return file + " line " + line + " (record " + recordNumber + ")";
    }

    public boolean readable() {
        return rejectCode == null;
    }
}
