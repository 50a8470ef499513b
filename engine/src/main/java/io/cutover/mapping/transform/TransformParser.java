package io.cutover.mapping.transform;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.config.ConfigurationProblems;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.CamelContext;

/**
 * Reads a field's {@code transforms:} list from a mapping file. Each entry is a name ({@code trim}) or a one-key object
 * whose value is the transform's main setting ({@code {case: title}}) or its settings ({@code {phone: {region: US}}}).
 * Every problem is collected with its key; nothing is half-built.
 */
public final class TransformParser {

    private static final List<String> NAMES = List.of("trim", "collapse", "nfc", "case", "phone", "email", "date",
            "datetime", "number", "boolean", "map", "default", "split", "lookup", "truncate", "concat", "jsonpath");

    /** The setting a transform's value stands for when it is not an object: {case: title} is {case: {to: title}}. */
    private static final Map<String, String> MAIN_SETTING = Map.of("case", "to", "phone", "region", "email", "invalid",
            "date", "formats", "datetime", "formats", "number", "locale", "default", "value", "split", "part",
            "truncate", "length", "jsonpath", "path");

    private final Path file;
    private final ConfigurationProblems problems;
    private final ReferenceTables tables;
    /** Compiles the paths of jsonpath steps with Camel's jsonpath language. */
    private final CamelContext camel;

    public TransformParser(Path file, ConfigurationProblems problems, CamelContext camel) {
        this.file = file;
        this.problems = problems;
        this.tables = new ReferenceTables(file, problems);
        this.camel = camel;
    }

    /** The concat separator that joins the field's columns, when the chain starts with concat. */
    public record Parsed(String concatSeparator, TransformChain chain) {}

    /** The chain, or null when it has problems (they are in the problem list). */
    public Parsed parse(String key, JsonNode transforms) {
        if (transforms == null) {
            return new Parsed(null, TransformChain.NONE);
        }
        if (!transforms.isArray()) {
            problems.add(file, key + ": expected a list of transforms, found " + transforms);
            return null;
        }
        String separator = null;
        List<Transform> steps = new ArrayList<>();
        boolean broken = false;
        for (int i = 0; i < transforms.size(); i++) {
            String stepKey = key + "[" + i + "]";
            JsonNode node = transforms.get(i);
            String name = name(node);
            if (name == null || !NAMES.contains(name)) {
                problems.add(file, stepKey + ": expected one of " + NAMES + " or a one-key object of one of them, found " + node);
                broken = true;
            } else if (name.equals("concat")) {
                if (i != 0) {
                    problems.add(file, stepKey + ": concat joins the field's columns, so it comes first");
                    broken = true;
                }
                JsonNode value = node.isObject() ? node.get(name) : null;
                separator = value != null && value.isValueNode() ? value.asText() : " ";
            } else {
                Transform step = step(stepKey + "." + name, name, node.isObject() ? node.get(name) : null);
                if (step == null) {
                    broken = true;
                } else {
                    steps.add(step);
                }
            }
        }
        return broken ? null : new Parsed(separator, new TransformChain(steps));
    }

    private static String name(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isObject() && node.size() == 1) {
            return node.fieldNames().next();
        }
        return null;
    }

    private Transform step(String key, String name, JsonNode setting) {
        Settings settings = new Settings(file, problems, key, setting, MAIN_SETTING.get(name));
        Transform step = build(name, settings);
        return settings.valid() ? step : null;
    }

    private Transform build(String name, Settings settings) {
        switch (name) {
            case "trim":
                settings.none();
                return new Trim();
            case "collapse":
                settings.none();
                return new CollapseWhitespace();
            case "nfc":
                settings.none();
                return new NormalizeNfc();
            case "case":
                return new ChangeCase(settings.choice("to", ChangeCase.To.class, null),
                        settings.locale("locale", Locale.ROOT));
            case "phone":
                return phone(settings);
            case "email":
                return new NormalizeEmail(settings.choice("invalid", InvalidValuePolicy.class, InvalidValuePolicy.REJECT));
            case "date":
                return new ParseDate(settings.patterns("formats"));
            case "datetime":
                return dateTime(settings);
            case "number":
                return new ParseNumber(settings.locale("locale", null));
            case "boolean":
                settings.none();
                return new ParseBoolean();
            case "map":
                return valueMap(settings);
            case "default":
                return new DefaultWhenEmpty(settings.text("value", null));
            case "split":
                return new SplitName(settings.choice("part", SplitName.Part.class, null));
            case "lookup":
                return lookup(settings);
            case "jsonpath":
                return jsonPath(settings);
            default:
                return new Truncate(settings.positive("length", 0));
        }
    }

    private Transform phone(Settings settings) {
        String region = settings.text("region", "");
        if (!region.isEmpty() && !PhoneE164.isKnownRegion(region)) {
            settings.problem("region '" + region + "' is not a region code libphonenumber knows (e.g. US, FR, RO, FI)");
        }
        return new PhoneE164(region.isEmpty() ? null : region, settings.optionalText("regionColumn"),
                settings.choice("invalid", InvalidValuePolicy.class, InvalidValuePolicy.REJECT),
                settings.choice("multiple", PhoneE164.Multiple.class, PhoneE164.Multiple.REJECT));
    }

    private Transform dateTime(Settings settings) {
        List<String> patterns = settings.patterns("formats");
        String zone = settings.text("zone", null);
        try {
            return new ParseDateTime(patterns, ZoneId.of(zone == null ? "UTC" : zone));
        } catch (DateTimeException e) {
            settings.problem("zone '" + zone + "' is not a time zone id (e.g. Europe/Paris, America/New_York)");
            return null;
        }
    }

    private Transform valueMap(Settings settings) {
        Map<String, String> values = settings.textMap("values");
        UnknownValuePolicy unknown = settings.choice("unknown", UnknownValuePolicy.class, UnknownValuePolicy.REJECT);
        String defaultValue = settings.defaultFor(unknown);
        return ValueMap.inline(values, unknown, defaultValue);
    }

    private Transform jsonPath(Settings settings) {
        String path = settings.text("path", null);
        if (path == null) {
            return null;
        }
        try {
            return new JsonPathValue(camel, path);
        } catch (RuntimeException e) {
            settings.problem("path: '" + path + "' is not a JSONPath: " + e.getMessage());
            return null;
        }
    }

    private Transform lookup(Settings settings) {
        String table = settings.text("table", null);
        String keyColumn = settings.text("key", "");
        String valueColumn = settings.text("value", "");
        UnknownValuePolicy unknown = settings.choice("unknown", UnknownValuePolicy.class, UnknownValuePolicy.REJECT);
        String defaultValue = settings.defaultFor(unknown);
        if (table == null) {
            return null;
        }
        Map<String, String> entries = tables.read(settings.key(), table, keyColumn, valueColumn);
        if (entries == null) {
            settings.problem("the lookup table cannot be used");
            return null;
        }
        return ValueMap.lookupTable(table, entries, unknown, defaultValue);
    }

    /** A copy of an object node's text entries, for value maps. */
    static Map<String, String> texts(JsonNode object) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            texts.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asText());
        }
        return texts;
    }
}
