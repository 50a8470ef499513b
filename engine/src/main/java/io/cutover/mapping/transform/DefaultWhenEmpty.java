package io.cutover.mapping.transform;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

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

    /** Applied again, this step leaves its own result unchanged: the target's value goes back as it is. */
    @Override
    public Optional<UnaryOperator<String>> reverse() {
        return Optional.of(UnaryOperator.identity());
    }
}
