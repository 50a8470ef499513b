package io.cutover.mapping.profile;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * What the profile checks a column's values against, chosen by the type of the target field the mapping sends the
 * column to. A column the mapping puts through transforms is checked on what they give (the mapping's own verdict is
 * in {@link MappedValues}); a column sent as it is, on its values as the export holds them (trimmed).
 */
public enum ValueCheck {
    /** An e-mail address (commons-validator), as the target's email fields take. */
    EMAIL,
    /** A phone number valid in its country (libphonenumber); one without a country code is read in the default region. */
    PHONE,
    /** ISO 8601, the only form the target takes for date and date-time fields; another format needs a date transform. */
    DATE;

    private static final EmailValidator EMAILS = EmailValidator.getInstance();
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** The check for a target field type, or null when values of that type are not checked. */
    static ValueCheck forFieldType(String type) {
        switch (type) {
            case "email":
                return EMAIL;
            case "phone":
                return PHONE;
            case "date":
            case "datetime":
                return DATE;
            default:
                return null;
        }
    }

    boolean accepts(String value, String phoneRegion) {
        String trimmed = value.strip();
        switch (this) {
            case EMAIL:
                return EMAILS.isValid(trimmed);
            case PHONE:
                try {
                    return PHONES.isValidNumber(PHONES.parse(trimmed, phoneRegion));
                } catch (NumberParseException e) {
                    return false;
                }
            case DATE:
                return parses(trimmed, DateTimeFormatter.ISO_LOCAL_DATE) || parses(trimmed, DateTimeFormatter.ISO_DATE_TIME);
            default:
                throw new IllegalStateException("No check for " + this);
        }
    }

    private static boolean parses(String value, DateTimeFormatter format) {
        try {
            format.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
