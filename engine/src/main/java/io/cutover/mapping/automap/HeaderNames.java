package io.cutover.mapping.automap;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Brings a column header, a field name or a label to one comparable form, so that {@code Téléphone}, {@code TELEPHONE},
 * {@code tele_phone} and {@code billingPostalCode} meet their field: accents dropped, camelCase split, punctuation as
 * spaces, lower case, single spaces.
 */
public final class HeaderNames {

    private HeaderNames() {
    }

    public static String normalize(String name) {
        String withoutAccents = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String camelSplit = withoutAccents.replaceAll("(\\p{Ll})(\\p{Lu})", "$1 $2")
                .replaceAll("(\\p{Lu})(\\p{Lu}\\p{Ll})", "$1 $2");
        // A custom field's suffix is no part of what the field means to the person who named the column.
        String withoutSuffix = camelSplit.replaceAll("__c$", "");
        return withoutSuffix.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The normalized name without its spaces, so that {@code billingpostalcode} meets {@code Billing Postal Code}. */
    public static String compact(String name) {
        return normalize(name).replace(" ", "");
    }
}
