package io.cutover.mapping.transform;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Every run of white space (tabs, line breaks, no-break spaces) becomes one space; leading and trailing ones go. */
final class CollapseWhitespace implements Transform {

    @Override
    public String apply(String value, Map<String, String> row) {
        if (value == null) {
            return null;
        }
        StringBuilder collapsed = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isSpace(c)) {
                pendingSpace = collapsed.length() > 0;
            } else {
                if (pendingSpace) {
                    collapsed.append(' ');
                    pendingSpace = false;
                }
                collapsed.append(c);
            }
        }
        return collapsed.length() == 0 ? null : collapsed.toString();
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Applied again, this step leaves its own result unchanged: the target's value goes back as it is. */
    @Override
    public Optional<UnaryOperator<String>> reverse() {
        return Optional.of(UnaryOperator.identity());
    }
}
