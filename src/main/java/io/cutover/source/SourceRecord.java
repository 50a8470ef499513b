package io.cutover.source;

import java.util.Map;

/**
 * One record as the legacy export holds it, with where it came from: its file, the physical line it starts on and its
 * record number. A row the reader could not read is still a record, flagged with the reason ({@link #rejectCode()}),
 * so that it reaches the ledger like every other row instead of stopping the export or vanishing.
 */
public record SourceRecord(String object, String legacyId, String file, long line, long recordNumber,
        Map<String, String> values, String rejectCode, String rejectMessage) {

    public static SourceRecord read(String object, String legacyId, String file, long line, long recordNumber,
            Map<String, String> values) {
        return new SourceRecord(object, legacyId, file, line, recordNumber, values, null, null);
    }

    /** A row that could not be read; {@code reason} completes the message that names file and line. */
    public static SourceRecord unreadable(String object, String legacyId, String file, long line, long recordNumber,
            Map<String, String> values, String rejectCode, String reason) {
        String ref = reference(file, line, recordNumber);
        return new SourceRecord(object, legacyId, file, line, recordNumber, values, rejectCode, ref + ": " + reason);
    }

    /** Where the record came from, for every outcome and error message. */
    public String sourceRef() {
        return reference(file, line, recordNumber);
    }

    public boolean readable() {
        return rejectCode == null;
    }

    private static String reference(String file, long line, long recordNumber) {
        return file + " line " + line + " (record " + recordNumber + ")";
    }
}
