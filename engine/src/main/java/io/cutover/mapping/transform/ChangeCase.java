package io.cutover.mapping.transform;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Upper, lower or title case by the rules of a language (Turkish i, German ß…). */
final class ChangeCase implements Transform {

    enum To { UPPER, LOWER, TITLE }

    private final To to;
    private final Locale locale;

    ChangeCase(To to, Locale locale) {
        this.to = to;
        this.locale = locale;
    }

    @Override
    public String apply(String value, Map<String, String> row) {
        if (value == null) {
            return null;
        }
        switch (to) {
            case UPPER:
                return value.toUpperCase(locale);
            case LOWER:
                return value.toLowerCase(locale);
            default:
                return titleCase(value.toLowerCase(locale));
        }
    }

    /** "jean-pierre o'neil" → "Jean-Pierre O'Neil": a word starts after a space, hyphen or apostrophe. */
    private String titleCase(String lower) {
        StringBuilder title = new StringBuilder(lower.length());
        boolean wordStart = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (wordStart && Character.isLetter(c)) {
                title.append(String.valueOf(c).toUpperCase(locale));
                wordStart = false;
            } else {
                title.append(c);
                wordStart = wordStart && !Character.isLetterOrDigit(c) || isWordSeparator(c);
            }
        }
        return title.toString();
    }

    private static boolean isWordSeparator(char c) {
        return CollapseWhitespace.isSpace(c) || c == '-' || c == '\'' || c == '\u2019';
    }

    /** Applied again, this step leaves its own result unchanged: the target's value goes back as it is. */
    @Override
    public Optional<UnaryOperator<String>> reverse() {
        return Optional.of(UnaryOperator.identity());
    }
}
