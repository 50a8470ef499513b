package io.cutover.dedup;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a field's value is put in a comparable form before it is compared or used in a blocking key, once per record.
 * A value that normalises to nothing is missing: it neither agrees nor disagrees.
 */
public enum Normalisation {

    /** Lower case, accents and punctuation removed, spaces collapsed: "Zoë  O'Neil" is "zoe o neil". */
    TEXT,
    /** Trimmed and lower-cased, as the mapping's e-mail transform leaves it. */
    EMAIL,
    /** E.164 (+442079460000) when libphonenumber can read it, else its digits. */
    PHONE,
    /** Letters and digits only, upper case: "756.1234.5678.97" and "7561234567897" are one id. */
    ID,
    /** The digits of a date: 1983-05-19, 19830519 and 1983/05/19 are one date. */
    DATE,
    /** {@link #TEXT} without legal forms (SA, GmbH, Oy, Ltd…): "ACME S.A." is "acme". */
    COMPANY;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]+");
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D+");

    /**
     * @param region ISO 3166 region numbers without a country code are read in, or null (then they need one)
     * @return the normalised value, or null when nothing is left
     */
    String apply(String value, String region) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalised = switch (this) {
            case TEXT -> text(value);
            case EMAIL -> value.strip().toLowerCase(Locale.ROOT);
            case PHONE -> phone(value, region);
            case ID -> NOT_ALPHANUMERIC.matcher(text(value).toUpperCase(Locale.ROOT)).replaceAll("");
            case DATE -> NOT_DIGIT.matcher(value).replaceAll("");
            case COMPANY -> LegalForms.strip(text(value));
        };
        return normalised.isEmpty() ? null : normalised;
    }

    static String text(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
        // dots inside abbreviations join their letters ("S.A." is "sa") instead of splitting them
        String unmarked = MARKS.matcher(decomposed).replaceAll("").replace(".", "").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(unmarked).replaceAll(" ").strip();
    }

    private static String phone(String value, String region) {
        try {
            var number = PHONES.parse(value, region == null ? "ZZ" : region);
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException notAPhoneNumber) {
            // compared by its digits
        }
        return NOT_DIGIT.matcher(value).replaceAll("");
    }
}
