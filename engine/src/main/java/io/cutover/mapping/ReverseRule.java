package io.cutover.mapping;

import java.util.Map;

/** How the reverse sync writes one target field back to the legacy CRM, as a mapping file's {@code reverse:} says. */
public sealed interface ReverseRule {

    /**
     * The target's value into {@code column}, through {@code values} (target value to legacy value) when given; a value
     * the map does not list goes back as it is.
     */
    record WriteBack(String column, Map<String, String> values) implements ReverseRule {
        public WriteBack {
            values = Map.copyOf(values);
        }

        public String legacyValue(String targetValue) {
            return targetValue == null ? null : values.getOrDefault(targetValue, targetValue);
        }
    }

    /** Never written back: the field stays as the legacy CRM has it. */
    record Ignore() implements ReverseRule {
    }
}
