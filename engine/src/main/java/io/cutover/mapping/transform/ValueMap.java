package io.cutover.mapping.transform;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Legacy value → target value, with a policy for the values it does not list: a value map written in the mapping
 * (e.g. a legacy picklist onto the target's picklist) or a lookup table read from a file (e.g. legacy owner → user id).
 */
final class ValueMap implements Transform {

    private final Map<String, String> values;
    private final UnknownValuePolicy unknown;
    private final String defaultValue;
    /** Why an unlisted value is rejected, naming the map or table. */
    private final String unlistedProblem;

    private ValueMap(Map<String, String> values, UnknownValuePolicy unknown, String defaultValue, String unlistedProblem) {
        this.values = Map.copyOf(values);
        this.unknown = unknown;
        this.defaultValue = defaultValue;
        this.unlistedProblem = unlistedProblem;
    }

    static ValueMap inline(Map<String, String> values, UnknownValuePolicy unknown, String defaultValue) {
        return new ValueMap(values, unknown, defaultValue, "the value map has no entry for it");
    }

    static ValueMap lookupTable(String table, Map<String, String> entries, UnknownValuePolicy unknown, String defaultValue) {
        return new ValueMap(entries, unknown, defaultValue, "not in the lookup table " + table);
    }

    /** Every value this map can give: its entries' target values, and its default when unlisted values take it. */
    Set<String> valuesGiven() {
        Set<String> given = new TreeSet<>(values.values());
        if (unknown == UnknownValuePolicy.DEFAULT && defaultValue != null) {
            given.add(defaultValue);
        }
        given.remove("");
        return given;
    }

    @Override
    public String apply(String value, Map<String, String> row) throws Rejection {
        if (value == null) {
            return null;
        }
        String mapped = values.get(value);
        if (mapped != null) {
            return mapped;
        }
        switch (unknown) {
            case PASS:
                return value;
            case DEFAULT:
                return defaultValue;
            default:
                throw new Rejection("UNMAPPED_VALUE", unlistedProblem);
        }
    }

    /**
     * The map read backwards, when no two source values map to the same target value (an empty target value stands for
     * no value and is not read back); a target value it does not list goes back as it is when unlisted values pass.
     */
    @Override
    public Optional<UnaryOperator<String>> reverse() {
        Map<String, String> backwards = new HashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getValue() == null || entry.getValue().isEmpty()) {
                continue;
            }
            if (backwards.putIfAbsent(entry.getValue(), entry.getKey()) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(value -> value == null ? null
                : backwards.getOrDefault(value, unknown == UnknownValuePolicy.PASS ? value : null));
    }
}
