package io.cutover.source;

import java.util.Map;

/** One record as the legacy export holds it, with where it came from. */
public record SourceRecord(String object, String legacyId, String file, long recordNumber, Map<String, String> values) {

    /** Where the record came from, for every outcome and error message. */
    public String sourceRef() {
        return file + " record " + recordNumber;
    }
}
