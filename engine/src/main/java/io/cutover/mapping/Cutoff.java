package io.cutover.mapping;

import io.cutover.mapping.transform.DatePatterns;
import io.cutover.mapping.transform.Rejection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping's cut-off ({@code cutoff: {column: due_date, formats: [dd/MM/yyyy], date: 2024-01-01}}): records dated
 * before the cut-off date stay behind in the legacy CRM. The date the mapping gives is the default; a run's
 * {@code cutover.run.cutoff.<Object>} replaces it, so that each rehearsal can move it without editing the mapping. The
 * column's date is read as written, a time of day ignored, so a record of the cut-off day itself is taken.
 */
public record Cutoff(String column, List<String> formats, DatePatterns patterns, Optional<LocalDate> date) {

    public static final List<String> ISO_DATE = List.of("ISO");

    static Cutoff of(String column, List<String> formats, Optional<LocalDate> date) {
        return new Cutoff(column, List.copyOf(formats), DatePatterns.ofDates(formats), date);
    }

    /** The row's date, or empty when the column is empty (an undated record is not old). */
    public Optional<LocalDate> dateOf(Map<String, String> row) throws Rejection {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        LocalDate date = patterns.date(value);
        if (date == null) {
            throw new Rejection("INVALID_DATE", "not a date in the cut-off's formats " + formats
                    + ", so the run cannot tell whether the record is older than its cut-off date");
        }
        return Optional.of(date);
    }
}
