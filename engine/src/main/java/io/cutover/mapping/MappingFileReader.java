package io.cutover.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.config.ConfigurationProblems;
import io.cutover.mapping.transform.TransformParser;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;

/** Reads one mapping file, collecting every problem with the key it is about. */
final class MappingFileReader {

    private static final List<String> TOP_LEVEL_KEYS = List.of("object", "externalId", "fields", "reverse", "skip",
            "cutoff");
    private static final List<String> COLUMN_RULE_KEYS = List.of("column", "columns", "transforms", "find");
    private static final List<String> EXPRESSION_RULE_KEYS = List.of("expression", "transforms", "find");
    private static final List<String> PARENT_RULE_KEYS = List.of("parent", "column", "typeColumn", "types");
    private static final List<String> FIND_KEYS = List.of("object", "by", "where", "unknown", "default");

    private final Path file;
    private final ConfigurationProblems problems;
    private final TransformParser transformParser;
    /** Compiles the mapping's expressions with Camel's languages. */
    private final CamelContext camel;

    MappingFileReader(Path file, ConfigurationProblems problems, CamelContext camel) {
        this.file = file;
        this.problems = problems;
        this.transformParser = new TransformParser(file, problems, camel);
        this.camel = camel;
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
        // field names compare as Salesforce compares them, without regard to case
        fields.keySet().stream().filter(externalId::equalsIgnoreCase).forEach(field -> problems.add(file, "fields." + field
                + ": the external id field (externalId: " + externalId + ") receives the legacy id, the key every load "
                + "upserts by; a mapping that set it too would load records under another key than the ledger's"));
        return new ObjectMapping(file, object, externalId, fields, reverse(root.get("reverse")), skip(root.get("skip")),
                cutoff(root.get("cutoff")));
    }

    /** {@code cutoff: {column: due_date, formats: [dd/MM/yyyy], date: 2024-01-01}}; formats default to ISO dates. */
    private Optional<Cutoff> cutoff(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        String expected = "expected {column: <the date column>, formats: [<date patterns>], date: <yyyy-MM-dd>} (formats"
                + " optional, ISO dates by default; date optional, cutover.run.cutoff.<Object> gives or replaces it)";
        if (!node.isObject() || !node.path("column").isTextual()) {
            problems.add(file, "cutoff: " + expected + ", found " + node);
            return Optional.empty();
        }
        unknownKeys("cutoff", node, List.of("column", "formats", "date"));
        Optional<LocalDate> date = Optional.empty();
        if (node.has("date")) {
            try {
                date = Optional.of(LocalDate.parse(node.get("date").asText()));
            } catch (DateTimeParseException e) {
                problems.add(file, "cutoff.date: '" + node.get("date").asText() + "' is not a date (yyyy-MM-dd)");
                return Optional.empty();
            }
        }
        List<String> formats = new ArrayList<>();
        JsonNode formatsNode = node.get("formats");
        if (formatsNode == null) {
            formats.addAll(Cutoff.ISO_DATE);
        } else if (formatsNode.isArray() && !formatsNode.isEmpty()) {
            formatsNode.forEach(format -> formats.add(format.asText()));
        } else {
            problems.add(file, "cutoff.formats: " + expected + ", found " + formatsNode);
            return Optional.empty();
        }
        try {
            return Optional.of(Cutoff.of(node.get("column").asText(), formats, date));
        } catch (IllegalArgumentException e) {
            problems.add(file, "cutoff.formats: not a date pattern: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code skip: [{when: "${body[start]} < '2023-01-01'", because: older than the cut-off}]}. */
    private List<SkipRule> skip(JsonNode node) {
        List<SkipRule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        if (!node.isArray()) {
            problems.add(file, "skip: expected a list of {when: <simple predicate on the row>, because: <why>}");
            return rules;
        }
        for (int i = 0; i < node.size(); i++) {
            String key = "skip[" + i + "]";
            JsonNode rule = node.get(i);
            if (!rule.path("when").isTextual() || !rule.path("because").isTextual()) {
                problems.add(file, key + ": expected {when: <simple predicate on the row>, because: <why>}, found " + rule);
                continue;
            }
            unknownKeys(key, rule, List.of("when", "because"));
            try {
                rules.add(SkipRule.simple(camel, rule.get("when").asText(), rule.get("because").asText()));
            } catch (RuntimeException e) {
                problems.add(file, key + ".when: not a valid simple predicate: " + e.getMessage());
            }
        }
        return rules;
    }

    /** {@code reverse:}: per target field, a legacy column, {column: …, values: {…}}, or {@code ignore}. */
    private Map<String, ReverseRule> reverse(JsonNode node) {
        Map<String, ReverseRule> rules = new LinkedHashMap<>();
        if (node == null) {
            return rules;
        }
        if (!node.isObject()) {
            problems.add(file, "reverse: expected target fields, each with a legacy column, {column: …, values: {…}} or ignore");
            return rules;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode rule = field.getValue();
            String key = "reverse." + field.getKey();
            if (rule.isTextual() && rule.asText().equals("ignore")) {
                rules.put(field.getKey(), new ReverseRule.Ignore());
            } else if (rule.isTextual() && !rule.asText().isBlank()) {
                rules.put(field.getKey(), new ReverseRule.WriteBack(rule.asText(), Map.of()));
            } else if (rule.isObject() && rule.path("column").isTextual()) {
                unknownKeys(key, rule, List.of("column", "values"));
                Map<String, String> values = new LinkedHashMap<>();
                JsonNode listed = rule.path("values");
                if (!listed.isMissingNode() && !listed.isObject()) {
                    problems.add(file, key + ".values: expected target value: legacy value pairs");
                }
                listed.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
                rules.put(field.getKey(), new ReverseRule.WriteBack(rule.get("column").asText(), values));
            } else {
                problems.add(file, key + ": expected a legacy column, {column: …, values: {…}} or ignore, found " + rule);
            }
        }
        return rules;
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
        if (node.isObject() && node.has("parent") && node.has("column")) {
            return parentRule(key, node);
        }
        if (node.isObject() && (node.has("column") || node.has("columns")) && !node.has("parent")
                && !node.has("constant") && !node.has("expression")) {
            return withFind(key, node, columnRule(key, node));
        }
        if (node.isObject() && node.has("expression") && !node.has("column") && !node.has("columns")) {
            return withFind(key, node, expressionRule(key, node));
        }
        problems.add(file, key + ": expected a source column name, {column: ..., transforms: [...]}, "
                + "{columns: [...], transforms: [{concat: ...}, ...]}, {expression: ..., transforms: [...]}, "
                + "{constant: ...} or {parent: <object>, column: ...}, found " + node);
        return null;
    }

    private FieldRule.Column columnRule(String key, JsonNode node) {
        unknownKeys(key, node, COLUMN_RULE_KEYS);
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

    private FieldRule.Expression expressionRule(String key, JsonNode node) {
        unknownKeys(key, node, EXPRESSION_RULE_KEYS);
        JsonNode text = node.get("expression");
        TransformParser.Parsed transforms = transformParser.parse(key + ".transforms", node.get("transforms"));
        if (!text.isTextual() || text.asText().isBlank()) {
            problems.add(file, key + ".expression: expected a Camel simple expression, e.g. \"${body[first_name]} "
                    + "${body[last_name]}\", found " + text);
            return null;
        }
        RowExpression expression;
        try {
            expression = RowExpression.simple(camel, text.asText());
        } catch (RuntimeException e) {
            problems.add(file, key + ".expression: not a valid Camel simple expression: " + e.getMessage());
            return null;
        }
        if (transforms == null) {
            return null;
        }
        if (transforms.concatSeparator() != null) {
            problems.add(file, key + ".transforms: concat joins columns; an expression joins values itself");
            return null;
        }
        return new FieldRule.Expression(expression, transforms.chain());
    }

    /** The rule, or a {@link FieldRule.Find} of the value it computes when the field has {@code find:}. */
    /**
     * {@code {parent: Account, column: account_id}}, or a polymorphic reference:
     * {@code {parent: [Contact, Lead], column: who_id, typeColumn: who_type, types: {Contacts: Contact}}}.
     */
    private FieldRule parentRule(String key, JsonNode node) {
        unknownKeys(key, node, PARENT_RULE_KEYS);
        JsonNode parent = node.get("parent");
        List<String> objects = new ArrayList<>();
        if (parent.isTextual()) {
            objects.add(parent.asText());
        } else if (parent.isArray()) {
            parent.forEach(object -> objects.add(object.asText()));
        }
        if (objects.isEmpty() || objects.stream().anyMatch(String::isBlank)) {
            problems.add(file, key + ".parent: expected an object (Account) or, for a polymorphic reference, a list of "
                    + "objects ([Contact, Lead]), found " + parent);
            return null;
        }
        String typeColumn = node.hasNonNull("typeColumn") ? node.get("typeColumn").asText() : null;
        Map<String, String> types = new LinkedHashMap<>();
        JsonNode typesNode = node.get("types");
        if (typesNode != null) {
            if (!typesNode.isObject() || typeColumn == null) {
                problems.add(file, key + ".types: expected {<value of the type column>: <object>, …} beside a typeColumn");
                return null;
            }
            typesNode.fields().forEachRemaining(type -> types.put(type.getKey(), type.getValue().asText()));
            types.forEach((value, object) -> {
                if (!objects.contains(object)) {
                    problems.add(file, key + ".types." + value + ": " + object + " is not one of the parent objects " + objects);
                }
            });
        }
        if (typeColumn != null && objects.size() == 1) {
            problems.add(file, key + ".typeColumn: a reference to one object (" + objects.get(0) + ") needs no type column");
            return null;
        }
        return new FieldRule.Parent(List.copyOf(objects), node.get("column").asText(), typeColumn, Map.copyOf(types));
    }

    private FieldRule withFind(String key, JsonNode node, FieldRule.Computed rule) {
        JsonNode find = node.get("find");
        if (find == null || rule == null) {
            return rule;
        }
        String findKey = key + ".find";
        if (!find.isObject()) {
            problems.add(file, findKey + ": expected {object: <target object>, by: <its field>}, found " + find);
            return null;
        }
        unknownKeys(findKey, find, FIND_KEYS);
        String object = requiredText(find, findKey, "object");
        String by = requiredText(find, findKey, "by");
        String where = find.hasNonNull("where") ? find.get("where").asText() : null;
        FieldRule.WhenNotFound notFound = whenNotFound(findKey, find.get("unknown"));
        String defaultId = find.hasNonNull("default") ? find.get("default").asText() : null;
        if (notFound == FieldRule.WhenNotFound.DEFAULT && defaultId == null) {
            problems.add(file, findKey + ": unknown: default needs default: <the id to use>");
            return null;
        }
        if (notFound != FieldRule.WhenNotFound.DEFAULT && defaultId != null) {
            problems.add(file, findKey + ".default: used only with unknown: default");
            return null;
        }
        if (object == null || by == null || notFound == null) {
            return null;
        }
        return new FieldRule.Find(rule, object, by, where, notFound, defaultId);
    }

    private FieldRule.WhenNotFound whenNotFound(String key, JsonNode unknown) {
        if (unknown == null) {
            return FieldRule.WhenNotFound.REJECT;
        }
        for (FieldRule.WhenNotFound policy : FieldRule.WhenNotFound.values()) {
            if (policy.name().toLowerCase(Locale.ROOT).equals(unknown.asText())) {
                return policy;
            }
        }
        problems.add(file, key + ".unknown: expected one of [reject, default, leave], found " + unknown);
        return null;
    }

    private void unknownKeys(String key, JsonNode node, List<String> expected) {
        node.fieldNames().forEachRemaining(name -> {
            if (!expected.contains(name)) {
                problems.add(file, key + ": unknown key '" + name + "' (expected one of " + expected + ")");
            }
        });
    }

    private String requiredText(JsonNode node, String key, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(file, key + "." + name + ": missing (expected a text value)");
            return null;
        }
        return value.asText();
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
