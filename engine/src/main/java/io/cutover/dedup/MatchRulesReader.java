package io.cutover.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.cutover.config.ConfigurationProblems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads one match rules file ({@code matching/<object>.yaml}), collecting every problem with the key it is about. */
public final class MatchRulesReader {

    private static final List<String> TOP_LEVEL_KEYS = List.of("object", "threshold", "maxBlockSize", "rules", "blocking",
            "merge", "lookupInTarget");
    private static final List<String> MERGE_KEYS = List.of("above", "survivor", "changedAt", "sources", "fields");
    private static final List<String> RULE_KEYS = List.of("field", "swappedWith", "normalise", "region", "compare",
            "similarAbove", "agree", "disagree");
    private static final Pattern KEY_PART = Pattern.compile("(?:(\\w+)\\(\\s*)?([\\w.]+)\\s*\\)?");
    private static final int DEFAULT_MAX_BLOCK_SIZE = 1000;
    private static final double DEFAULT_SIMILAR_ABOVE = 0.85;

    private final Path file;
    private final ConfigurationProblems problems;

    public MatchRulesReader(Path file, ConfigurationProblems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The rules of a file, or a {@link io.quarkus.runtime.configuration.ConfigurationException} naming each problem. */
    public static MatchRules load(Path file) {
        ConfigurationProblems problems = new ConfigurationProblems("match rules");
        MatchRules rules = new MatchRulesReader(file, problems).read();
        problems.throwIfAny();
        return rules;
    }

    /** The rules, or null when the file cannot be used (the reasons are in the problem list). */
    public MatchRules read() {
        JsonNode root = problems.readYamlObject(file, TOP_LEVEL_KEYS);
        if (root == null) {
            return null;
        }
        unknownKeys("", root, TOP_LEVEL_KEYS);
        String object = root.path("object").asText(null);
        if (object == null || object.isBlank()) {
            problems.add(file, "object: expected the object the rules match, e.g. Contact");
        }
        Double threshold = number("threshold", root.get("threshold"), null);
        Double maxBlockSize = number("maxBlockSize", root.get("maxBlockSize"), (double) DEFAULT_MAX_BLOCK_SIZE);
        List<MatchRule> rules = rules(root.get("rules"));
        List<BlockingPass> blocking = blocking(root.get("blocking"));
        Optional<MergeRule> merge = merge(root.get("merge"), threshold);
        List<String> lookupInTarget = lookupInTarget(root.get("lookupInTarget"), rules);
        if (object == null || object.isBlank() || threshold == null || maxBlockSize == null || rules == null
                || blocking == null || merge == null || lookupInTarget == null) {
            return null;
        }
        return new MatchRules(object, threshold, maxBlockSize.intValue(), rules, blocking, merge, lookupInTarget);
    }

    /** {@code lookupInTarget: [Phone, Website]}: fields the rules compare; empty when absent, null when broken. */
    private List<String> lookupInTarget(JsonNode node, List<MatchRule> rules) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(file, "lookupInTarget: expected a list of fields the rules compare, e.g. [Phone, Website], found "
                    + node);
            return null;
        }
        List<String> fields = new ArrayList<>();
        for (JsonNode field : node) {
            if (rules != null && rules.stream().noneMatch(rule -> rule.field().equals(field.asText()))) {
                problems.add(file, "lookupInTarget: " + field.asText() + " is not a field the rules compare");
                return null;
            }
            fields.add(field.asText());
        }
        return List.copyOf(fields);
    }

    /** {@code merge: {above: 14, survivor: most-complete}}: empty when absent, null when broken. */
    private Optional<MergeRule> merge(JsonNode node, Double threshold) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add(file, "merge: expected {above: <score>, survivor: most-complete, first, most-recent or "
                    + "source-priority}, found " + node);
            return null;
        }
        unknownKeys("merge.", node, MERGE_KEYS);
        Double above = number("merge.above", node.get("above"), null);
        MergeRule.Survivor survivor = choice("merge.survivor", node.get("survivor"), MergeRule.Survivor.class,
                MergeRule.Survivor.MOST_COMPLETE);
        if (above != null && threshold != null && above < threshold) {
            problems.add(file, "merge.above: " + above + " is below the threshold " + threshold
                    + ": a pair must be a duplicate before it can be merged");
            return null;
        }
        List<String> changedAt = names("merge.changedAt", node.get("changedAt"));
        List<String> sources = names("merge.sources", node.get("sources"));
        Map<String, MergeRule.FieldMerge> fields = fieldMerges(node.get("fields"));
        if (survivor == MergeRule.Survivor.SOURCE_PRIORITY && sources != null && sources.isEmpty()) {
            problems.add(file, "merge.sources: expected the source names, the most trusted first, for survivor: "
                    + "source-priority");
            return null;
        }
        if (above == null || survivor == null || changedAt == null || sources == null || fields == null) {
            return null;
        }
        if (fields.values().stream().anyMatch(field -> field.rule() == MergeRule.FieldMerge.Rule.PREFER_SOURCE
                && field.sources().isEmpty()) && sources.isEmpty()) {
            problems.add(file, "merge.fields: prefer-source needs source names, in the field's rule or in merge.sources");
            return null;
        }
        return Optional.of(new MergeRule(above, survivor, changedAt, sources, fields));
    }

    /** A name or a list of names; empty when absent, null when broken. */
    private List<String> names(String key, JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(name -> names.add(name.asText()));
        }
        if (!node.isArray() || node.isEmpty() || names.stream().anyMatch(String::isBlank)) {
            problems.add(file, key + ": expected a name or a list of names, found " + node);
            return null;
        }
        return List.copyOf(names);
    }

    /** {@code fields: {Phone: prefer-newest, Industry: {prefer-source: [fr, ro]}, Description: fill-empty}}. */
    private Map<String, MergeRule.FieldMerge> fieldMerges(JsonNode node) {
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            problems.add(file, "merge.fields: expected {Field: fill-empty, prefer-newest or prefer-source}, found " + node);
            return null;
        }
        Map<String, MergeRule.FieldMerge> fields = new java.util.LinkedHashMap<>();
        boolean broken = false;
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            String key = "merge.fields." + entry.getKey();
            JsonNode rule = entry.getValue();
            if (rule.isObject() && rule.size() == 1 && rule.has("prefer-source")) {
                List<String> sources = names(key + ".prefer-source", rule.get("prefer-source"));
                if (sources == null) {
                    broken = true;
                } else {
                    fields.put(entry.getKey(), new MergeRule.FieldMerge(MergeRule.FieldMerge.Rule.PREFER_SOURCE, sources));
                }
                continue;
            }
            MergeRule.FieldMerge.Rule chosen = rule.isTextual()
                    ? choice(key, rule, MergeRule.FieldMerge.Rule.class, null) : null;
            if (chosen == null) {
                if (!rule.isTextual()) {
                    problems.add(file, key + ": expected fill-empty, prefer-newest, prefer-source or {prefer-source: "
                            + "[source, …]}, found " + rule);
                }
                broken = true;
            } else {
                fields.put(entry.getKey(), new MergeRule.FieldMerge(chosen, List.of()));
            }
        }
        return broken ? null : fields;
    }

    private List<MatchRule> rules(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(file, "rules: expected a list of rules, e.g. - {field: Email, normalise: email, agree: 8}");
            return null;
        }
        List<MatchRule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            MatchRule rule = rule("rules[" + i + "]", node.get(i));
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules.size() == node.size() ? rules : null;
    }

    private MatchRule rule(String key, JsonNode node) {
        if (!node.isObject()) {
            problems.add(file, key + ": expected {field: …, compare: …, agree: …}, found " + node);
            return null;
        }
        unknownKeys(key + ".", node, RULE_KEYS);
        String field = node.path("field").asText(null);
        if (field == null || field.isBlank()) {
            problems.add(file, key + ".field: expected the field compared");
        }
        Normalisation normalisation = choice(key + ".normalise", node.get("normalise"), Normalisation.class, Normalisation.TEXT);
        Similarity similarity = choice(key + ".compare", node.get("compare"), Similarity.class, Similarity.EXACT);
        Double similarAbove = number(key + ".similarAbove", node.get("similarAbove"),
                similarity == Similarity.EXACT ? 1.0 : DEFAULT_SIMILAR_ABOVE);
        Double agree = number(key + ".agree", node.get("agree"), null);
        Double disagree = number(key + ".disagree", node.get("disagree"), 0.0);
        if (similarAbove != null && (similarAbove <= 0 || similarAbove > 1)) {
            problems.add(file, key + ".similarAbove: expected a similarity above 0 and up to 1, found " + similarAbove);
            return null;
        }
        String region = node.path("region").asText(null);
        if (region != null && !PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            problems.add(file, key + ".region: expected an ISO 3166 region code such as FR or GB, found " + region);
            return null;
        }
        if (field == null || field.isBlank() || normalisation == null || similarity == null || similarAbove == null
                || agree == null || disagree == null) {
            return null;
        }
        return new MatchRule(field, node.path("swappedWith").asText(null), normalisation, region, similarity,
                similarAbove, agree, disagree);
    }

    private List<BlockingPass> blocking(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(file, "blocking: expected a list of keys, e.g. - [Email] or - [soundex(LastName), MailingPostalCode]");
            return null;
        }
        List<BlockingPass> passes = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String key = "blocking[" + i + "]";
            JsonNode pass = node.get(i);
            boolean anyOrder = pass.isObject() && pass.size() == 1 && pass.has("anyOrder");
            List<BlockingPass.KeyPart> parts = keyParts(key, anyOrder ? pass.get("anyOrder") : pass);
            if (parts != null) {
                passes.add(new BlockingPass(parts, anyOrder));
            }
        }
        return passes.size() == node.size() ? passes : null;
    }

    private List<BlockingPass.KeyPart> keyParts(String key, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            problems.add(file, key + ": expected a list of fields, each Field or soundex(Field), or {anyOrder: [...]}, found " + node);
            return null;
        }
        List<BlockingPass.KeyPart> parts = new ArrayList<>();
        for (JsonNode part : node) {
            Matcher matcher = KEY_PART.matcher(part.asText());
            BlockingPass.Function function = matcher.matches() ? keyFunction(matcher.group(1)) : null;
            if (function == null) {
                problems.add(file, key + ": '" + part.asText() + "' is neither Field nor soundex(Field)");
                return null;
            }
            parts.add(new BlockingPass.KeyPart(matcher.group(2), function));
        }
        return parts;
    }

    private static BlockingPass.Function keyFunction(String name) {
        if (name == null) {
            return BlockingPass.Function.VALUE;
        }
        return name.equalsIgnoreCase("soundex") ? BlockingPass.Function.SOUNDEX : null;
    }

    private <E extends Enum<E>> E choice(String key, JsonNode node, Class<E> type, E absent) {
        if (node == null) {
            return absent;
        }
        String wanted = node.asText().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(wanted)) {
                return value;
            }
        }
        problems.add(file, key + ": expected one of " + Arrays.stream(type.getEnumConstants())
                .map(value -> value.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "))
                + ", found " + node.asText());
        return null;
    }

    private Double number(String key, JsonNode node, Double absent) {
        if (node == null) {
            if (absent == null) {
                problems.add(file, key + ": expected a number");
            }
            return absent;
        }
        if (!node.isNumber()) {
            problems.add(file, key + ": expected a number, found " + node);
            return null;
        }
        return node.asDouble();
    }

    private void unknownKeys(String prefix, JsonNode node, List<String> known) {
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            if (!known.contains(entry.getKey())) {
                problems.add(file, prefix + entry.getKey() + ": unknown key (expected one of " + known + ")");
            }
        }
    }
}
