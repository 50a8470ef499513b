package io.cutover.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.config.ConfigurationProblems;
import java.nio.file.Path;
import io.cutover.mapping.transform.TransformParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** Reads one mapping file, collecting every problem with the key it is about. */
final class MappingFileReader {

    private static final List<String> TOP_LEVEL_KEYS = List.of("object", "externalId", "fields");
    private static final List<String> COLUMN_RULE_KEYS = List.of("column", "columns", "transforms");

    private final Path file;
    private final ConfigurationProblems problems;
    private final TransformParser transformParser;

    MappingFileReader(Path file, ConfigurationProblems problems) {
        this.file = file;
        this.problems = problems;
        this.transformParser = new TransformParser(file, problems);
    }

    /** The mapping, or null when the file cannot be used (the reasons are in the problem list). */
    ObjectMapping read() {
        JsonNode root = problems.readYamlObject(file, TOP_LEVEL_KEYS);
        if (root == null) {
            return null;
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                problems.add(file, "unknown key '" + key + "' (expected one of " + TOP_LEVEL_KEYS + ")");
            }
        });
        String object = requiredText(root, "object");
        String externalId = requiredText(root, "externalId");
        Map<String, FieldRule> fields = fields(root.get("fields"));
        if (object == null || externalId == null || fields == null) {
            return null;
        }
        return new ObjectMapping(file, object, externalId, fields);
    }

    private Map<String, FieldRule> fields(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            problems.add(file, "fields: expected target fields, each with a source column, a constant or a parent");
            return null;
        }
        Map<String, FieldRule> rules = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            FieldRule rule = rule("fields." + field.getKey(), field.getValue());
            if (rule != null) {
                rules.put(field.getKey(), rule);
            }
        }
        return rules;
    }

    private FieldRule rule(String key, JsonNode node) {
        if (node.isTextual()) {
            return FieldRule.Column.of(node.asText());
        }
        if (node.isObject() && node.has("constant") && node.size() == 1) {
            return new FieldRule.Constant(node.get("constant").asText());
        }
        if (node.isObject() && node.has("parent") && node.has("column") && node.size() == 2) {
            return new FieldRule.Parent(node.get("parent").asText(), node.get("column").asText());
        }
        if (node.isObject() && (node.has("column") || node.has("columns")) && !node.has("parent")
                && !node.has("constant")) {
            return columnRule(key, node);
        }
        problems.add(file, key + ": expected a source column name, {column: ..., transforms: [...]}, "
                + "{columns: [...], transforms: [{concat: ...}, ...]}, {constant: ...} or {parent: <object>, column: ...}, "
                + "found " + node);
        return null;
    }

    private FieldRule columnRule(String key, JsonNode node) {
        node.fieldNames().forEachRemaining(name -> {
            if (!COLUMN_RULE_KEYS.contains(name)) {
                problems.add(file, key + ": unknown key '" + name + "' (expected one of " + COLUMN_RULE_KEYS + ")");
            }
        });
        List<String> columns = columns(key, node);
        TransformParser.Parsed transforms = transformParser.parse(key + ".transforms", node.get("transforms"));
        if (columns == null || transforms == null) {
            return null;
        }
        if (columns.size() > 1 && transforms.concatSeparator() == null) {
            problems.add(file, key + ": several columns need {concat: <separator>} as the first transform");
            return null;
        }
        return new FieldRule.Column(columns, transforms.concatSeparator(), transforms.chain());
    }

    private List<String> columns(String key, JsonNode node) {
        if (node.has("column") && node.has("columns")) {
            problems.add(file, key + ": either column or columns, not both");
            return null;
        }
        if (node.has("column")) {
            return node.get("column").isTextual() ? List.of(node.get("column").asText()) : invalidColumns(key, node);
        }
        JsonNode columns = node.get("columns");
        if (!columns.isArray() || columns.isEmpty()) {
            return invalidColumns(key, node);
        }
        List<String> names = new ArrayList<>();
        columns.forEach(column -> names.add(column.asText()));
        return names;
    }

    private List<String> invalidColumns(String key, JsonNode node) {
        problems.add(file, key + ": expected column: <name> or columns: [<name>, ...], found " + node);
        return null;
    }

    private String requiredText(JsonNode root, String key) {
        JsonNode value = root.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(file, key + ": missing (expected a text value)");
            return null;
        }
        return value.asText();
    }
}
