package io.cutover.mapping.transform;

import java.util.Map;

/** A fixed value for records whose value is empty. */
final class DefaultWhenEmpty implements Transform {

    private final String defaultValue;

    DefaultWhenEmpty(String defaultValue) {
        this.defaultValue = defaultValue;
    }

    @Override
    public String apply(String value, Map<String, String> row) {
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
