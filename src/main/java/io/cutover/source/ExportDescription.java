package io.cutover.source;

import java.nio.file.Path;

/** One export of the legacy CRM, as its description file says: which file holds which object, and its legacy id column. */
public record ExportDescription(Path description, String object, Path file, String legacyIdColumn) {}
