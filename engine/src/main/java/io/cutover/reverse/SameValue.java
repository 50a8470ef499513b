package io.cutover.reverse;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Whether a target's value and a mapped value are the same, as the target stores them: numbers by value ({@code 500}
 * and {@code 500.0}), date-times by instant ({@code +0000} and {@code Z}), empty as none.
 */
final class SameValue {

    private static final DateTimeFormatter SALESFORCE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

    private SameValue() {
    }

    static boolean test(Object left, Object right) {
        String one = ReverseMapping.text(left);
        String other = ReverseMapping.text(right);
        if (Objects.equals(one, other)) {
            return true;
        }
        if (one == null || other == null) {
            return false;
        }
        try {
            return new BigDecimal(one).compareTo(new BigDecimal(other)) == 0;
        } catch (NumberFormatException notNumbers) {
            try {
                return dateTime(one).isEqual(dateTime(other));
            } catch (DateTimeParseException notDateTimes) {
                return false;
            }
        }
    }

    private static OffsetDateTime dateTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text, SALESFORCE_DATETIME);
        }
    }
}
