package io.cutover.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The wait a 429 (or 503) answer asks for in its Retry-After header (RFC 9110 10.2.3). */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** Retry-After is seconds or an HTTP date; without one (or unreadable), {@code otherwise}. Never negative. */
    public static Duration wait(String header, Duration otherwise) {
        if (header == null || header.isBlank()) {
            return otherwise;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return otherwise;
            }
        }
    }
}
