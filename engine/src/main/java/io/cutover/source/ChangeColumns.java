package io.cutover.source;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of an export that say when a record last changed, and that it was deleted: what the cutover sync needs
 * to apply a change once and in order (docs/cutover.md). A REST source names them in {@code rest.incremental}; a file
 * export (whose delta files the sync takes in) in {@code changes}.
 *
 * @param field the column holding the record's modification marker (a timestamp, a version)
 * @param deleted the column whose value {@code true}, {@code 1} or {@code yes} flags a record deleted in the legacy CRM
 */
public record ChangeColumns(String field, Optional<String> deleted) {

    /** The record's modification marker; empty when the column is empty. */
    public Optional<String> marker(Map<String, String> values) {
        return Optional.ofNullable(values.get(field)).filter(marker -> !marker.isBlank());
    }

    /** Whether the record's values say it was deleted. */
    public boolean deletes(Map<String, String> values) {
        return deleted.map(values::get).map(value -> value.strip().toLowerCase(Locale.ROOT))
                .filter(value -> value.equals("true") || value.equals("1") || value.equals("yes")).isPresent();
    }
}
