package io.cutover.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A field's transforms as one line for people reviewing a mapping, from the mapping file as written: a step's settings
 * are shown, but a table of values is only counted (a 26-entry industry map would not fit a table cell).
 */
final class TransformSummary {

    private TransformSummary() {
    }

    /** @param transforms the {@code transforms} list of a field in a mapping file, or a missing node */
    static String of(JsonNode transforms) {
        List<String> steps = new ArrayList<>();
        for (JsonNode step : transforms) {
            steps.add(step(step));
        }
        return String.join(", ", steps);
    }

    private static String step(JsonNode step) {
        if (!step.isObject() || step.size() != 1) {
            return setting(step);
        }
        Map.Entry<String, JsonNode> only = step.fields().next();
        if (!only.getValue().isObject()) {
            return only.getKey() + " " + setting(only.getValue());
        }
        List<String> settings = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = only.getValue().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> setting = it.next();
            settings.add(setting.getKey() + ": " + setting(setting.getValue()));
        }
        return only.getKey() + " (" + String.join(", ", settings) + ")";
    }

    private static String setting(JsonNode value) {
        if (value.isObject()) {
            return value.size() + " entries";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(setting(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return value.asText();
    }
}
