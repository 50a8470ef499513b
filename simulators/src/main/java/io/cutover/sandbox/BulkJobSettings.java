package io.cutover.sandbox;

import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;

/** What a Bulk API 2.0 ingest job was created with, and the CSV dialect that follows from it. */
public record BulkJobSettings(String object, String operation, String externalIdFieldName, String lineEnding,
        String columnDelimiter) {

    static final Set<String> OPERATIONS = Set.of("insert", "update", "upsert", "delete");
    static final Set<String> LINE_ENDINGS = Set.of("LF", "CRLF");
    static final Map<String, Character> DELIMITERS = Map.of("COMMA", ',', "TAB", '\t', "SEMICOLON", ';', "PIPE", '|',
            "CARET", '^', "BACKQUOTE", '`');

    CSVFormat csvFormat() {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(DELIMITERS.get(columnDelimiter))
                .setRecordSeparator(lineEnding.equals("CRLF") ? "\r\n" : "\n")
                .build();
    }
}
