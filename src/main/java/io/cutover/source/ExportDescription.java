package io.cutover.source;

import java.nio.file.Path;

/**
 * One export of the legacy CRM, as its description file says: which file holds which object, its legacy id column,
 * and how to read the file.
 */
public record ExportDescription(Path description, String object, Path file, String legacyIdColumn, CsvSettings csv) {}
