package io.cutover.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares two JSON answers by shape: the same keys with the same value types, recursively, arrays of the same length,
 * and the same values only where a client acts on the value (error codes, success flags, job states). Ids, names,
 * dates and counts differ naturally between a recording and a replay and are compared by type only.
 */
final class JsonShapes {

    /** One place where the answers differ: a JSON path, and what each side has there. */
    record Difference(String path, String expected, String found) {
    }

    static final String NO_BODY = "no body";

    static final String ABSENT = "absent";

    private static final Set<String> COMPARED_VALUES = Set.of("errorCode", "statusCode", "success", "created", "done",
            "httpStatusCode", "state", "operation", "object", "jobType", "contentType", "lineEnding",
            "columnDelimiter", "concurrencyMode", "error", "header", "sf__Created", "sf__Error");

    private JsonShapes() {
    }

    static List<Difference> compare(JsonNode expected, JsonNode found) {
        List<Difference> differences = new ArrayList<>();
        compare("$", null, expected, found, differences);
        return differences;
    }

    private static void compare(String path, String key, JsonNode expected, JsonNode found,
            List<Difference> differences) {
        String expectedType = type(expected);
        String foundType = type(found);
        if (!expectedType.equals(foundType)) {
            differences.add(new Difference(path, expectedType, foundType));
            return;
        }
        if (key != null && COMPARED_VALUES.contains(key)) {
            String expectedValue = comparedValue(key, expected);
            String foundValue = comparedValue(key, found);
            if (!expectedValue.equals(foundValue)) {
                differences.add(new Difference(path, expectedValue, foundValue));
            }
            return;
        }
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path + "." + field.getKey();
                if (found.has(field.getKey())) {
                    compare(fieldPath, field.getKey(), field.getValue(), found.get(field.getKey()), differences);
                } else {
                    differences.add(new Difference(fieldPath, type(field.getValue()), ABSENT));
                }
            }
            for (Iterator<String> names = found.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!expected.has(name)) {
                    differences.add(new Difference(path + "." + name, ABSENT, type(found.get(name))));
                }
            }
        } else if (expected.isArray()) {
            if (expected.size() != found.size()) {
                differences.add(new Difference(path + ".length", String.valueOf(expected.size()),
                        String.valueOf(found.size())));
            }
            for (int i = 0; i < Math.min(expected.size(), found.size()); i++) {
                // elements take their array's key: the values of an error-code list are compared like one code
                compare(path + "[" + i + "]", key, expected.get(i), found.get(i), differences);
            }
        }
    }

    /** The part of a value that must match: a bulk result's error is compared by its status code, not its text. */
    private static String comparedValue(String key, JsonNode value) {
        if (key.equals("sf__Error")) {
            return value.asText().split(":", 2)[0];
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    static String type(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return NO_BODY;
        }
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return "string";
    }
}
