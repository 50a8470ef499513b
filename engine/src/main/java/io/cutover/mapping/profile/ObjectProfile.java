package io.cutover.mapping.profile;

import java.util.List;
import java.util.Map;

/**
 * What one object's export holds, column by column.
 *
 * @param charset                the file's character set; null for a REST export
 * @param charsetReason          why: named in the source description, or the detection rule that chose it
 * @param positions              what the profile's positions count: "line" of a file, or "record" of a REST export
 * @param unreadableRows         rows the reader rejected, by reason code; they are in no column's numbers
 * @param duplicateLegacyIds     records whose legacy id an earlier record has
 * @param legacyIdsChecked       false when the export has more legacy ids than the profile remembers; the duplicates
 *                               are then those among the first ones
 */
public record ObjectProfile(String object, String file, String charset, String charsetReason, String positions, long records, Map<String, Long> unreadableRows,
        String legacyIdColumn, long missingLegacyIds, long duplicateLegacyIds, List<ColumnProfile.LineValue> duplicateExamples,
        boolean legacyIdsChecked, List<ColumnProfile> columns) {}
