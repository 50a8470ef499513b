package io.cutover.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.cutover.sandbox.soql.Literal;
import io.cutover.sandbox.soql.SoqlException;
import io.cutover.schema.FieldDescribe;

/** Turns stored values and SOQL literals into comparable values of the field's type, as SOQL compares them. */
final class TypedValues {

    private static final Set<String> NUMBER_TYPES = Set.of("double", "currency", "percent", "int", "long");

    private TypedValues() {
    }

    /** Null for a null value. */
    static Comparable<?> ofStored(FieldDescribe field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        Comparable<?> typed = convert(field, value.asText());
        return typed != null ? typed : value.asText().toLowerCase(Locale.ROOT);
    }

    static Comparable<?> ofLiteral(FieldDescribe field, Literal literal) {
        if (literal.kind() == Literal.Kind.NULL) {
            return null;
        }
        Comparable<?> typed = convert(field, literal.text());
        if (typed == null) {
            throw new SoqlException("INVALID_FIELD", "value of filter criterion for field '" + field.name()
                    + "' must be of type " + field.type());
        }
        return typed;
    }

    private static Comparable<?> convert(FieldDescribe field, String text) {
        String type = field.type();
        try {
            if (NUMBER_TYPES.contains(type)) {
                return new BigDecimal(text);
            }
            if ("date".equals(type)) {
                return LocalDate.parse(text);
            }
            if ("datetime".equals(type)) {
                Instant instant = SalesforceTimestamps.parse(text);
                return instant != null ? instant : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if ("boolean".equals(type)) {
                return Boolean.valueOf(text);
            }
            if ("id".equals(type) || "reference".equals(type)) {
                String id = SalesforceIds.normalize(text);
                return id != null ? id : text;
            }
            return text.toLowerCase(Locale.ROOT);
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    static int compare(Comparable<?> left, Comparable<?> right) {
        if (left.getClass() != right.getClass()) {
            return left.toString().compareTo(right.toString());
        }
        return ((Comparable) left).compareTo(right);
    }
}
