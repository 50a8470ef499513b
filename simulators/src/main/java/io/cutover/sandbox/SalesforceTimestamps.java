package io.cutover.sandbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Date-times in the form Salesforce's REST API writes them: {@code 2024-01-31T12:00:00.000+0000}. */
public final class SalesforceTimestamps {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    /** Accepts what clients send: {@code Z}, {@code +00:00} or {@code +0000} offsets, with or without millis. */
    private static final DateTimeFormatter LENIENT = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss[.SSS][.SS][.S][XXX][XX]");

    private SalesforceTimestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The instant of a date-time text, or null when it is not one. */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, LENIENT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
