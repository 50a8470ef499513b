package io.cutover.mapping.transform;

import io.cutover.schema.FieldDescribe;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Map;

/**
 * A date-time in one of the accepted formats → the UTC instant Salesforce stores (2024-03-31T00:30:00.000Z). A value
 * without an offset is local time in the source time zone. In the hour that daylight saving skips the local time does
 * not exist and the value is rejected; in the hour it repeats, the earlier of the two instants is taken.
 */
final class ParseDateTime implements Transform {

    private static final DateTimeFormatter SALESFORCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private final DatePatterns patterns;
    private final ZoneId zone;

    ParseDateTime(List<String> patterns, ZoneId zone) {
        this.patterns = new DatePatterns(patterns, DateTimeFormatter.ISO_DATE_TIME);
        this.zone = zone;
    }

    @Override
    public String apply(String value, Map<String, String> row) throws Rejection {
        if (value == null) {
            return null;
        }
        TemporalAccessor parsed = patterns.parse(value.strip());
        LocalDate date = parsed == null ? null : parsed.query(TemporalQueries.localDate());
        if (date == null) {
            throw new Rejection("INVALID_DATETIME", "not a date-time in any of the accepted formats");
        }
        LocalTime time = parsed.query(TemporalQueries.localTime());
        LocalDateTime local = LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time);
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return SALESFORCE.format(local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))));
        }
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new Rejection("INVALID_DATETIME", "the local time " + local + " does not exist in " + zone
                    + " (skipped by the change to daylight saving time)");
        }
        Instant instant = local.toInstant(offsets.get(0));
        return SALESFORCE.format(instant);
    }

    @Override
    public String problemWith(FieldDescribe target) {
        return "datetime".equals(target.type()) ? null
                : "datetime gives a date-time, but " + target.name() + " is of type " + target.type();
    }
}
