package io.cutover.mapping.profile;

import io.cutover.mapping.FieldRule;
import io.cutover.mapping.ObjectMapping;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.source.CsvExportReader;
import io.cutover.source.ExportDescription;
import io.cutover.source.SourceRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Profiles one object's export: streams it with the source stage's reader (so it sees the file exactly as a run does,
 * one row in memory at a time) and sums up each column, with the target field the mapping sends it to, if any.
 */
public final class ExportProfiler {

    private final ProfileLimits limits;

    public ExportProfiler(ProfileLimits limits) {
        this.limits = limits;
    }

    /**
     * The columns a mapping sends as they are (one column, perhaps through transforms) to a field of the describe: the
     * field whose length and type the column's values are measured against. A column two fields read counts for the
     * first.
     */
    public static Map<String, FieldDescribe> targetsOf(ObjectMapping mapping, SObjectDescribe describe) {
        Map<String, FieldDescribe> targets = new LinkedHashMap<>();
        mapping.fields().forEach((field, rule) -> {
            if (rule instanceof FieldRule.Column && ((FieldRule.Column) rule).columns().size() == 1) {
                describe.field(field).ifPresent(target -> targets.putIfAbsent(((FieldRule.Column) rule).columns().get(0), target));
            }
        });
        return targets;
    }

    /** @param targets the target field of each mapped column ({@link #targetsOf}); empty when the object has no mapping */
    public ObjectProfile profile(ExportDescription export, Map<String, FieldDescribe> targets) throws IOException {
        try (CsvExportReader reader = new CsvExportReader(export)) {
            Map<String, ColumnProfiler> columns = new LinkedHashMap<>();
            reader.header().forEach(column -> columns.put(column, new ColumnProfiler(column, targets.get(column), limits)));
            Map<String, Long> unreadable = new TreeMap<>();
            Set<String> legacyIds = new HashSet<>();
            List<ColumnProfile.LineValue> duplicateExamples = new ArrayList<>();
            boolean legacyIdsChecked = true;
            long records = 0;
            long missingLegacyIds = 0;
            long duplicates = 0;
            while (reader.hasNext()) {
                SourceRecord record = reader.next();
                if (!record.readable()) {
                    unreadable.merge(record.rejectCode(), 1L, Long::sum);
                    continue;
                }
                records++;
                record.values().forEach((column, value) -> columns.get(column).add(value, record.line()));
                if (record.legacyId() == null) {
                    missingLegacyIds++;
                } else if (legacyIds.contains(record.legacyId())) {
                    duplicates++;
                    if (duplicateExamples.size() < limits.examples()) {
                        duplicateExamples.add(new ColumnProfile.LineValue(record.line(), record.legacyId()));
                    }
                } else if (legacyIds.size() < limits.legacyIds()) {
                    legacyIds.add(record.legacyId());
                } else {
                    legacyIdsChecked = false;
                }
            }
            long read = records;
            return new ObjectProfile(export.object(), export.file().getFileName().toString(), reader.charset().name(),
                    records, unreadable, export.legacyIdColumn(), missingLegacyIds, duplicates, duplicateExamples,
                    legacyIdsChecked, columns.values().stream().map(column -> column.profile(read)).toList());
        }
    }
}
