package io.cutover.mapping.transform;

import java.util.Map;

/** Legacy value → target value (e.g. a legacy picklist onto the target's picklist), with a policy for the unlisted. */
final class ValueMap implements Transform {

    private final Map<String, String> values;
    private final UnknownValuePolicy unknown;
    private final String defaultValue;

    ValueMap(Map<String, String> values, UnknownValuePolicy unknown, String defaultValue) {
        this.values = Map.copyOf(values);
        this.unknown = unknown;
        this.defaultValue = defaultValue;
    }

    @Override
    public String apply(String value, Map<String, String> row) throws Rejection {
        if (value == null) {
            return null;
        }
        String mapped = values.get(value);
        return mapped != null ? mapped : unknown(unknown, value, defaultValue, "the value map has no entry for it");
    }

    /** The outcome for a value a map or table has no entry for. */
    static String unknown(UnknownValuePolicy policy, String value, String defaultValue, String problem) throws Rejection {
        switch (policy) {
            case PASS:
                return value;
            case DEFAULT:
                return defaultValue;
            default:
                throw new Rejection("UNMAPPED_VALUE", problem);
        }
    }
}
