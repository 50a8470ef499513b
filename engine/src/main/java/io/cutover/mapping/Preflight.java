package io.cutover.mapping;

import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * The target's own rules for one object (required fields, types, lengths, restricted picklists, e-mail format, id
 * format and the object a reference's id belongs to, by its key prefix), checked on each mapped record before any API call: a record the target would refuse is rejected here,
 * with the field and the value, and costs no call. Built once per object from the target's describe.
 */
public final class Preflight {

    /** Why the target would refuse a record: the first field it would complain about. */
    public record Violation(String reasonCode, String field, Object value, String problem) {}

    private static final Set<String> TEXT_TYPES = Set.of("string", "textarea", "email", "phone", "url", "picklist",
            "multipicklist", "combobox", "encryptedstring");
    private static final Set<String> NUMBER_TYPES = Set.of("double", "currency", "percent", "int", "long");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern(
            "uuuu-MM-dd'T'HH:mm:ss[.SSS][.SS][.S][XXX][XX]");
    private static final EmailValidator EMAILS = EmailValidator.getInstance();

    private final List<FieldCheck> checks;

    /**
     * @param target        the org, for the key prefixes of the objects reference fields point to
     * @param salesforceIds whether the target's ids are Salesforce's (a reference must look like one, of the right
     *                      object); another CRM's ids have a format of their own
     */
    Preflight(SObjectDescribe object, Iterable<String> mappedFields, TargetSchema target, boolean salesforceIds) {
        List<FieldCheck> fieldChecks = new ArrayList<>();
        for (String name : mappedFields) {
            object.field(name).ifPresent(field -> fieldChecks.add(new FieldCheck(name, field, target, salesforceIds)));
        }
        this.checks = List.copyOf(fieldChecks);
    }

    /** The first rule the record breaks, or null when the target should accept it. */
    Violation check(Map<String, Object> values) {
        for (FieldCheck check : checks) {
            Violation violation = check.check(values.get(check.mappedName));
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    private static final class FieldCheck {
        private final String mappedName;
        private final FieldDescribe field;
        private final Set<String> restrictedValues;
        /** The key prefixes of the objects a reference field may point to; empty when one of them has none known. */
        private final Set<String> referencedKeyPrefixes;
        private final TargetSchema target;
        private final boolean salesforceIds;

        FieldCheck(String mappedName, FieldDescribe field, TargetSchema target, boolean salesforceIds) {
            this.mappedName = mappedName;
            this.field = field;
            this.salesforceIds = salesforceIds;
            this.restrictedValues = field.restrictedPicklist() ? new HashSet<>(field.picklistValues()) : null;
            this.target = target;
            Set<String> prefixes = new TreeSet<>();
            boolean allKnown = true;
            for (String object : field.referenceTo()) {
                Optional<String> prefix = target.keyPrefix(object);
                prefix.ifPresent(prefixes::add);
                allKnown &= prefix.isPresent();
            }
            this.referencedKeyPrefixes = allKnown ? prefixes : Set.of();
        }

        Violation check(Object value) {
            if (value == null) {
                // Salesforce treats an explicit null for a field that must have a value as missing, on create and update
                return field.nillable() || "boolean".equals(field.type()) ? null
                        : violation("REQUIRED_FIELD_MISSING", null, "the target requires a value");
            }
            String text = value.toString();
            String type = field.type();
            if (TEXT_TYPES.contains(type)) {
                return text(text);
            }
            if (NUMBER_TYPES.contains(type)) {
                return number(text);
            }
            switch (type) {
                case "boolean":
                    return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? null
                            : violation("INVALID_BOOLEAN", text, "not true or false");
                case "date":
                    return isDate(text) ? null : violation("INVALID_DATE", text, "not a date (yyyy-MM-dd)");
                case "datetime":
                    return isDateTime(text) ? null
                            : violation("INVALID_DATETIME", text, "not a date-time (yyyy-MM-ddTHH:mm:ss.SSSZ)");
                case "reference":
                    return salesforceIds ? reference(text) : null;
                default:
                    return null;
            }
        }

        private Violation text(String text) {
            int length = text.codePointCount(0, text.length());
            if (field.length() > 0 && length > field.length()) {
                return violation("STRING_TOO_LONG", text, length + " characters, the target field holds " + field.length());
            }
            if (restrictedValues != null && !restrictedValues.contains(text)) {
                return violation("INVALID_PICKLIST_VALUE", text, "not a value of the restricted picklist");
            }
            if ("email".equals(field.type()) && !EMAILS.isValid(text)) {
                return violation("INVALID_EMAIL", text, "not a valid e-mail address");
            }
            return null;
        }

        /** A well-formed id of an object the field references: a lookup table or constant of ids can hold the wrong ones. */
        private Violation reference(String text) {
            if (!isId(text)) {
                return violation("MALFORMED_ID", text, "not a Salesforce id (15 or 18 letters and digits)");
            }
            String prefix = text.substring(0, 3);
            if (referencedKeyPrefixes.isEmpty() || referencedKeyPrefixes.contains(prefix)) {
                return null;
            }
            return violation("REFERENCE_TO_WRONG_OBJECT", text, "the id of " + target.objectWithKeyPrefix(prefix)
                    .map(object -> "a record of " + object + " (" + prefix + ")").orElse("an object with key prefix " + prefix)
                    + ", but the field references " + String.join(" or ", field.referenceTo()) + " ("
                    + String.join(", ", referencedKeyPrefixes) + ")");
        }

        private Violation number(String text) {
            BigDecimal number;
            try {
                number = new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return violation("INVALID_NUMBER", text, "not a number (digits, '.' as decimal separator)");
            }
            boolean whole = number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
            if (("int".equals(field.type()) || "long".equals(field.type())) && !whole) {
                return violation("INVALID_NUMBER", text, "not a whole number");
            }
            return null;
        }

        private Violation violation(String reasonCode, Object value, String problem) {
            return new Violation(reasonCode, mappedName, value, problem);
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text, DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isId(String text) {
        if (text.length() != 15 && text.length() != 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
