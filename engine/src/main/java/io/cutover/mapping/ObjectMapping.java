package io.cutover.mapping;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One mapping file: which target field receives the legacy id, where each target field's value comes from, the
 * reverse sync's explicit rules for target fields whose mapping cannot be undone (docs/cutover.md), and the rules that
 * leave records behind: skip rules, and the date column a run's cut-off date is compared with.
 */
public record ObjectMapping(Path file, String object, String externalIdField, Map<String, FieldRule> fields,
        Map<String, ReverseRule> reverse, List<SkipRule> skip, Optional<Cutoff> cutoff) {

    public ObjectMapping(Path file, String object, String externalIdField, Map<String, FieldRule> fields) {
        this(file, object, externalIdField, fields, Map.of(), List.of(), Optional.empty());
    }
}
