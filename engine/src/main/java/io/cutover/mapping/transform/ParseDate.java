package io.cutover.mapping.transform;

import io.cutover.schema.FieldDescribe;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A date in one of the accepted formats → yyyy-MM-dd, as a Salesforce date field takes it. The date is read as the
 * calendar date written in the source and never converted through a time zone, so it cannot move by a day; a
 * pattern with a time of day keeps the date as written in the source.
 */
final class ParseDate implements Transform {

    private final DatePatterns patterns;

    ParseDate(List<String> patterns) {
        this.patterns = DatePatterns.ofDates(patterns);
    }

    @Override
    public String apply(String value, Map<String, String> row) throws Rejection {
        if (value == null) {
            return null;
        }
        LocalDate date = patterns.date(value);
        if (date == null) {
            throw new Rejection("INVALID_DATE", "not a date in any of the accepted formats");
        }
        return date.toString();
    }

    @Override
    public String problemWith(FieldDescribe target) {
        return "date".equals(target.type()) ? null : "date gives a date, but " + target.name() + " is of type " + target.type();
    }
}
