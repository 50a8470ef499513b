package io.cutover.mapping;

import java.nio.file.Path;
import java.util.Map;

/**
 * One mapping file: which export holds the object, which column is the legacy id, which target field receives it,
 * and where each target field's value comes from.
 */
public record ObjectMapping(Path file, String object, Path source, String legacyIdColumn, String externalIdField,
        Map<String, FieldRule> fields) {}
