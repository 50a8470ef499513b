package io.cutover.source;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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

    /** Another file read with this description's settings: one part of a glob's, or a delta file. */
    public ExportDescription withFile(Path other) {
        return new ExportDescription(description, object, other, legacyIdColumn, csv, source, values);
    }
}
