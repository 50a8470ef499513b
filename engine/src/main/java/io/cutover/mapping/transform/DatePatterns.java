package io.cutover.mapping.transform;

import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;

/**
 * The accepted source formats of a date or date-time field, compiled once. Patterns use Java's letters (dd/MM/yyyy,
 * MM/dd/yy, dd.MM.yyyy HH:mm); "ISO" is ISO 8601. Resolution is strict: 31/02/2024 is an error, never 29/02/2024.
 * A two-digit year (yy) is 1950–2049.
 */
public final class DatePatterns {

    static final String ISO = "ISO";
    private static final int TWO_DIGIT_YEAR_BASE = 1950;

    private final List<DateTimeFormatter> formatters;

    /** @param iso the ISO 8601 formatter that the keyword ISO stands for in this context */
    DatePatterns(List<String> patterns, DateTimeFormatter iso) {
        this.formatters = patterns.stream().map(pattern -> ISO.equals(pattern) ? iso : compile(pattern)).toList();
    }

    /** The formatter for one pattern; IllegalArgumentException names what is wrong with it. */
    static DateTimeFormatter compile(String pattern) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder();
        StringBuilder literal = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            int run = quoted || (c != 'y' && c != 'u') ? 0 : runLength(pattern, i);
            if (run == 2) {
                builder.appendPattern(literal.toString());
                literal.setLength(0);
                builder.appendValueReduced(ChronoField.YEAR, 2, 2, TWO_DIGIT_YEAR_BASE);
                i++;
            } else if (run > 0) {
                // year-of-era (y) needs an era to resolve strictly; the proleptic year (u) does not
                literal.append("u".repeat(run));
                i += run - 1;
            } else {
                literal.append(c);
            }
        }
        builder.appendPattern(literal.toString());
        return builder.toFormatter().withResolverStyle(ResolverStyle.STRICT);
    }

    private static int runLength(String pattern, int start) {
        int end = start;
        while (end < pattern.length() && pattern.charAt(end) == pattern.charAt(start)) {
            end++;
        }
        return end - start;
    }

    /** Patterns as a mapping file writes them (ISO: an ISO 8601 date); IllegalArgumentException names a wrong one. */
    public static DatePatterns ofDates(List<String> patterns) {
        return new DatePatterns(patterns, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /** The calendar date the text writes (a pattern with a time of day keeps the date as written), or null. */
    public LocalDate date(String text) {
        TemporalAccessor parsed = parse(text.strip());
        return parsed == null ? null : parsed.query(TemporalQueries.localDate());
    }

    /** The parsed value by the first pattern that reads the whole text, or null. */
    TemporalAccessor parse(String text) {
        for (DateTimeFormatter formatter : formatters) {
            // parseUnresolved reports a mismatch without an exception, so trying several patterns stays cheap
            ParsePosition position = new ParsePosition(0);
            if (formatter.parseUnresolved(text, position) != null && position.getIndex() == text.length()
                    && position.getErrorIndex() < 0) {
                try {
                    return formatter.parse(text);
                } catch (RuntimeException e) {
                    // the text has the shape of this pattern but is no real date (31/02); another pattern may fit
                }
            }
        }
        return null;
    }
}
