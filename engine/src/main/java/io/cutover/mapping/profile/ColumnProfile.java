package io.cutover.mapping.profile;

import java.util.List;

/**
 * What one column of an export holds.
 *
 * @param targetField     the field the mapping sends the column to, or null when no mapping reads it
 * @param targetLength    that field's length for text fields, else 0
 * @param distinctCapped  true when the column has more distinct values than the profile counts; {@code distinct} is
 *                        then a lower bound and {@code topValues} counts only the values seen before the cap
 * @param check           what its values were checked against (from the target field's type), or null
 * @param longestLine     the line of the longest value (its first occurrence); for a REST export, its record number
 * @param invalid         values that fail the check; for a column with transforms, their results that fail it
 * @param mapped          what the mapping's transforms make of the values, or null when the column has none
 */
public record ColumnProfile(String column, String targetField, String targetType, int targetLength, long filled,
        double fillRate, int distinct, boolean distinctCapped, List<ValueCount> topValues, List<ValueCount> shapes,
        boolean shapesCapped, int longestLength, long longestLine, long longerThanTarget, ValueCheck check, long invalid,
        List<LineValue> invalidExamples, MappedValues mapped) {

    /** A value and the line of the export it is on (for a REST export, its record number). */
    public record LineValue(long line, String value) {}
}
