package io.cutover.mapping.transform;

import io.cutover.schema.FieldDescribe;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Cuts a value to a maximum length (the target field's length unless one is given) instead of letting pre-flight
 * reject it with STRING_TOO_LONG. Every cut is reported as a warning, which the ledger keeps with the record's outcome.
 */
final class Truncate implements Transform {

    private final int maxLength;

    /** @param maxLength 0: the target field's length, bound at start-up */
    Truncate(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public String apply(String value, Map<String, String> row) {
        return apply(value, row, warning -> { });
    }

    @Override
    public String apply(String value, Map<String, String> row, Consumer<TransformWarning> warnings) {
        if (value == null || maxLength <= 0) {
            return value;
        }
        int length = value.codePointCount(0, value.length());
        if (length <= maxLength) {
            return value;
        }
        warnings.accept(new TransformWarning("TRUNCATED", length + " characters cut to " + maxLength));
        return value.substring(0, value.offsetByCodePoints(0, maxLength));
    }

    @Override
    public String problemWith(FieldDescribe target) {
        return maxLength == 0 && target.length() <= 0 ? "truncate needs a length: " + target.name() + " has none" : null;
    }

    @Override
    public Transform boundTo(FieldDescribe target) {
        return maxLength == 0 ? new Truncate(target.length()) : this;
    }

    /** Applied again, this step leaves its own result unchanged: the target's value goes back as it is. */
    @Override
    public Optional<UnaryOperator<String>> reverse() {
        return Optional.of(UnaryOperator.identity());
    }
}
