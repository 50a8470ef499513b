package io.cutover.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One export of the legacy CRM, as its description file says: which file holds which object, its legacy id column,
 * and how to read the file.
 *
 * @param source the name of the legacy system the export comes from ({@code source: fr}), which namespaces its legacy
 *        ids ({@code fr:10000}) so that the ids of several systems exporting one object never collide
 * @param values the constant columns added to every row ({@code values: {country: France}}), after the file's own
 */
public record ExportDescription(Path description, String object, Path file, String legacyIdColumn, CsvSettings csv,
        Optional<String> source, Map<String, String> values) {

    /** The one export of an object, its legacy ids as they are. */
    public ExportDescription(Path description, String object, Path file, String legacyIdColumn, CsvSettings csv) {
        this(description, object, file, legacyIdColumn, csv, Optional.empty(), Map.of());
    }

    /** How a legacy id made of several columns is named ({@code legacyId: [region, number]}: {@code region+number}). */
    static final String PARTS_JOINED = "+";
    /** What separates the columns' values in a legacy id made of several: {@code NORD-10042}. */
    static final String VALUES_JOINED = "-";

    /**
     * The legacy id of a row: the value of the legacy id column, or of a legacy id made of several columns, their values
     * joined by {@value #VALUES_JOINED}; null when a column is missing or empty.
     */
    public static String legacyIdOf(String legacyIdColumn, Map<String, String> values) {
        if (values.containsKey(legacyIdColumn) || !legacyIdColumn.contains(PARTS_JOINED)) {
            String value = values.get(legacyIdColumn);
            return value == null || value.isBlank() ? null : value;
        }
        List<String> parts = new ArrayList<>();
        for (String column : legacyIdParts(legacyIdColumn)) {
            String value = values.get(column);
            if (value == null || value.isBlank()) {
                return null;
            }
            parts.add(value.strip());
        }
        return String.join(VALUES_JOINED, parts);
    }

    /** The columns a legacy id is made of: one, or those of {@code legacyId: [region, number]}. */
    public static List<String> legacyIdParts(String legacyIdColumn) {
        return List.of(legacyIdColumn.split(Pattern.quote(PARTS_JOINED)));
    }

    /** Whether a header has the legacy id's column, or every column of a legacy id made of several. */
    public static boolean hasLegacyId(List<String> header, String legacyIdColumn) {
        return header.contains(legacyIdColumn) || header.containsAll(legacyIdParts(legacyIdColumn));
    }

    /** Another file read with this description's settings: one part of a glob's, or a delta file. */
    public ExportDescription withFile(Path other) {
        return new ExportDescription(description, object, other, legacyIdColumn, csv, source, values);
    }
}
