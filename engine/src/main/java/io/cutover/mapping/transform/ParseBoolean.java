package io.cutover.mapping.transform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Yes/no words in English, French, Romanian and Finnish (and true/false, 1/0) → true or false. Case does not matter. */
final class ParseBoolean implements Transform {

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "oui", "vrai", "da", "adevărat", "kyllä",
            "tosi");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "non", "faux", "nu", "fals", "ei", "epätosi");

    @Override
    public String apply(String value, Map<String, String> row) throws Rejection {
        if (value == null) {
            return null;
        }
        String word = Normalizer.normalize(value.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (TRUE.contains(word)) {
            return "true";
        }
        if (FALSE.contains(word)) {
            return "false";
        }
        throw new Rejection("INVALID_BOOLEAN", "not a yes/no word (EN, FR, RO, FI), true/false or 1/0");
    }
}
