package io.cutover.mapping.transform;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.config.ConfigurationProblems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of one transform in a mapping file: either one value that stands for its main setting, or an object
 * of named settings. Reading a setting checks it; a setting nobody read is reported as unknown.
 */
final class Settings {

    private final Path file;
    private final ConfigurationProblems problems;
    private final String key;
    private final JsonNode node;
    private final String mainSetting;
    private final Set<String> read = new TreeSet<>();
    private boolean valid = true;

    Settings(Path file, ConfigurationProblems problems, String key, JsonNode node, String mainSetting) {
        this.file = file;
        this.problems = problems;
        this.key = key;
        this.node = node;
        this.mainSetting = mainSetting;
    }

    String key() {
        return key;
    }

    void problem(String problem) {
        problems.add(file, key + ": " + problem);
        valid = false;
    }

    /** For transforms without settings. */
    void none() {
        if (node != null && !node.isNull()) {
            problem("takes no settings, found " + node);
        }
    }

    /** True when every setting was understood; reports settings nobody read. */
    boolean valid() {
        if (node != null && node.isObject() && !isShorthand()) {
            node.fieldNames().forEachRemaining(name -> {
                if (!read.contains(name)) {
                    problem("unknown setting '" + name + "' (expected one of " + read + ")");
                }
            });
        }
        return valid;
    }

    /** A value that is not an object stands for the main setting: {case: title} is {case: {to: title}}. */
    private boolean isShorthand() {
        return node != null && !node.isObject() && !node.isNull();
    }

    private JsonNode get(String name) {
        read.add(name);
        if (isShorthand()) {
            return name.equals(mainSetting) ? node : null;
        }
        return node == null || node.isNull() ? null : node.get(name);
    }

    String text(String name, String defaultValue) {
        JsonNode value = get(name);
        if (value == null || value.isNull()) {
            if (defaultValue == null) {
                problem("missing setting '" + name + "'");
            }
            return defaultValue;
        }
        if (!value.isValueNode()) {
            problem(name + ": expected a text, found " + value);
            return defaultValue;
        }
        return value.asText();
    }

    /** A setting that may be left out: null then. */
    String optionalText(String name) {
        JsonNode value = get(name);
        return value == null || value.isNull() ? null : text(name, null);
    }

    int positive(String name, int defaultValue) {
        JsonNode value = get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() <= 0) {
            problem(name + ": expected a positive whole number, found " + value);
            return defaultValue;
        }
        return value.asInt();
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        String value = text(name, defaultValue == null ? null : defaultValue.name().toLowerCase(Locale.ROOT));
        if (value == null) {
            return null;
        }
        int index = allowed.indexOf(value);
        if (index < 0) {
            problem(name + ": expected one of " + allowed + ", found '" + value + "'");
            return defaultValue;
        }
        return type.getEnumConstants()[index];
    }

    Locale locale(String name, Locale defaultValue) {
        String tag = text(name, defaultValue == null ? null : defaultValue.toLanguageTag());
        if (tag == null) {
            return Locale.ROOT;
        }
        try {
            return new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            problem(name + ": '" + tag + "' is not a language tag (e.g. fr, fr-FR, ro, fi, en-US)");
            return defaultValue;
        }
    }

    /** Date patterns: one or a list; each is compiled here so that a broken pattern stops the start. */
    List<String> patterns(String name) {
        JsonNode value = get(name);
        List<String> patterns = new ArrayList<>();
        if (value == null || value.isNull()) {
            problem("missing setting '" + name + "' (the accepted source formats, e.g. [dd/MM/yyyy, ISO])");
            return patterns;
        }
        for (JsonNode pattern : value.isArray() ? value : List.of(value)) {
            String text = pattern.asText();
            try {
                if (!DatePatterns.ISO.equals(text)) {
                    DatePatterns.compile(text);
                }
                patterns.add(text);
            } catch (IllegalArgumentException e) {
                problem(name + ": '" + text + "' is not a date pattern: " + e.getMessage());
            }
        }
        return patterns;
    }

    Map<String, String> textMap(String name) {
        JsonNode value = get(name);
        if (value == null || !value.isObject() || value.isEmpty()) {
            problem("expected '" + name + "' with legacy value: target value entries, found " + value);
            return Map.of();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        TransformParser.texts(value).forEach((from, to) -> {
            if (to == null) {
                problem(name + "." + from + ": expected a target value, found nothing");
            } else {
                texts.put(from, to);
            }
        });
        return texts;
    }

    /** The default value, which the policy "default" needs. */
    String defaultFor(UnknownValuePolicy unknown) {
        return text("default", unknown == UnknownValuePolicy.DEFAULT ? null : "");
    }
}
