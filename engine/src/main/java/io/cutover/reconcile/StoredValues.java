package io.cutover.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.schema.FieldDescribe;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Whether the value the target stores is the value Cutover sent, as the field's type compares them: numbers by value
 * (the target's scale is its own: {@code 5} and {@code 5.0}), datetimes as instants (the target answers in UTC with an
 * offset of its own form: {@code 2024-01-05T10:00:00.000+0000}), ids by their 15-character form, booleans as booleans,
 * and an empty text as no value (Salesforce stores none).
 */
final class StoredValues {

    private static final DateTimeFormatter SALESFORCE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private StoredValues() {
    }

    static boolean same(FieldDescribe field, Object sent, JsonNode stored) {
        String expected = sent == null ? "" : sent.toString();
        String found = stored == null || stored.isNull() || stored.isMissingNode() ? "" : stored.asText();
        if (expected.isEmpty() || found.isEmpty()) {
            return expected.isEmpty() && found.isEmpty();
        }
        String type = field == null ? "string" : field.type();
        try {
            return switch (type) {
                case "double", "currency", "percent", "int", "long" -> new BigDecimal(expected).compareTo(new BigDecimal(found)) == 0;
                case "boolean" -> Boolean.parseBoolean(expected) == Boolean.parseBoolean(found);
                case "datetime" -> instant(expected).equals(instant(found));
                case "date" -> expected.substring(0, Math.min(10, expected.length()))
                        .equals(found.substring(0, Math.min(10, found.length())));
                case "id", "reference" -> expected.length() >= 15 && found.length() >= 15
                        && expected.substring(0, 15).equals(found.substring(0, 15));
                default -> expected.equals(found);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return expected.equals(found);
        }
    }

    /** A datetime as Salesforce writes it ({@code 2024-01-05T10:00:00.000+0000}) or in ISO 8601. */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text, SALESFORCE_DATETIME).toInstant();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }
}
