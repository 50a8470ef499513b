package io.cutover.mapping.transform;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Removes leading and trailing white space (Unicode-aware, so no-break spaces go too); an all-blank value becomes empty. */
final class Trim implements Transform {

    @Override
    public String apply(String value, Map<String, String> row) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && CollapseWhitespace.isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && CollapseWhitespace.isSpace(value.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : value.substring(start, end);
    }

    /** Applied again, this step leaves its own result unchanged: the target's value goes back as it is. */
    @Override
    public Optional<UnaryOperator<String>> reverse() {
        return Optional.of(UnaryOperator.identity());
    }
}
