package io.cutover.mapping;

import java.nio.file.Path;
import java.util.Map;

/** One mapping file: which target field receives the legacy id, and where each target field's value comes from. */
public record ObjectMapping(Path file, String object, String externalIdField, Map<String, FieldRule> fields) {}
