package io.cutover.reverse;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One object's mapping read backwards: for each target field the reverse sync writes back, the legacy column and how a
 * target value becomes the legacy value; references to parents, which take the parent's legacy id; and the fields it
 * cannot write back, with why (listed at start-up, never guessed).
 */
public record ReverseMapping(String object, String externalIdField, Map<String, FieldBack> fields,
        Map<String, ParentBack> parents, Map<String, String> notWrittenBack) {

    /** A target field into a legacy column. */
    public record FieldBack(String column, UnaryOperator<String> toLegacy) {
    }

    /** A reference to a parent record: the legacy column gets the parent's legacy id. */
    public record ParentBack(String parentObject, String column) {
    }

    /** The legacy columns and values for the target's values of these fields; a field not written back is left out. */
    public Map<String, String> legacyValues(Map<String, Object> targetValues, Collection<String> fields) {
        Map<String, String> legacy = new LinkedHashMap<>();
        for (String field : fields) {
            FieldBack back = this.fields.get(field);
            if (back != null && targetValues.containsKey(field)) {
                legacy.put(back.column(), back.toLegacy().apply(text(targetValues.get(field))));
            }
        }
        return legacy;
    }

    /** A target value as the legacy CRM's text: numbers without exponent or trailing zeros. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }

    /**
     * A change's values with compound fields flat, as the mapping names them: {@code BillingAddress: {City: …}} becomes
     * {@code BillingCity}, {@code Name: {FirstName: …}} becomes {@code FirstName}.
     */
    public static Map<String, Object> flat(Map<String, Object> values) {
        Map<String, Object> flat = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (value instanceof Map<?, ?> parts) {
                String prefix = field.endsWith("Address") ? field.substring(0, field.length() - "Address".length()) : "";
                parts.forEach((part, partValue) -> flat.put(prefix + part, partValue));
            } else {
                flat.put(field, value);
            }
        });
        return flat;
    }

    /** Changed field names the same way: {@code BillingAddress.City} is {@code BillingCity}. */
    public static String flatName(String field) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            return field;
        }
        String compound = field.substring(0, dot);
        String prefix = compound.endsWith("Address") ? compound.substring(0, compound.length() - "Address".length()) : "";
        return prefix + field.substring(dot + 1);
    }
}
