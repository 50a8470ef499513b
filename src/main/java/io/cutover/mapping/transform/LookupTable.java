package io.cutover.mapping.transform;

import java.util.Map;

/**
 * The value looked up in a reference table read at start-up (e.g. legacy owner → target user id), with a policy for
 * values the table does not list.
 */
final class LookupTable implements Transform {

    private final String table;
    private final Map<String, String> entries;
    private final UnknownValuePolicy unknown;
    private final String defaultValue;

    LookupTable(String table, Map<String, String> entries, UnknownValuePolicy unknown, String defaultValue) {
        this.table = table;
        this.entries = Map.copyOf(entries);
        this.unknown = unknown;
        this.defaultValue = defaultValue;
    }

    @Override
    public String apply(String value, Map<String, String> row) throws Rejection {
        if (value == null) {
            return null;
        }
        String found = entries.get(value);
        return found != null ? found : ValueMap.unknown(unknown, value, defaultValue, "not in the lookup table " + table);
    }
}
