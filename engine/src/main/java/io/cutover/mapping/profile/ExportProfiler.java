package io.cutover.mapping.profile;

import io.cutover.mapping.FieldRule;
import io.cutover.mapping.ObjectMapping;
import io.cutover.mapping.transform.TransformChain;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.source.SourceRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Profiles one object's export: streams it with the source stage's reader (so it sees the file or the REST API exactly
 * as a run does, one row, or one page, in memory at a time) and sums up each column, with the target field the mapping sends it to, if any.
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

    /**
     * The transforms a mapping puts the columns of {@link #targetsOf} through, bound to their field as a run binds them
     * (the mapping's region, date patterns and the field's length included): the profile counts what they accept,
     * reject and warn about. A column sent as it is has none.
     */
    public static Map<String, TransformChain> transformsOf(ObjectMapping mapping, SObjectDescribe describe) {
        Map<String, TransformChain> transforms = new LinkedHashMap<>();
        mapping.fields().forEach((field, rule) -> {
            if (rule instanceof FieldRule.Column column && column.columns().size() == 1
                    && !column.transforms().steps().isEmpty()) {
                describe.field(field).ifPresent(target -> transforms.putIfAbsent(column.columns().get(0),
                        column.transforms().boundTo(target)));
            }
        });
        return transforms;
    }

    /**
     * The export being profiled.
     *
     * @param name    the file's name, or a REST export's URL
     * @param charset the file's character set; null for a REST export
     * @param charsetReason why the file is read in that charset (named in its description, or how it was detected)
     * @param header  the file's columns; empty for a REST export, whose fields are known as its records come
     */
    public record Export(String object, String name, String charset, String charsetReason, String legacyIdColumn,
            List<String> header) {}

    /**
     * @param records the export's records, as the source stage reads them; the caller closes them
     * @param targets the target field of each mapped column ({@link #targetsOf}); empty when the object has no mapping
     */
    public ObjectProfile profile(Export export, Iterator<SourceRecord> records, Map<String, FieldDescribe> targets) {
        return profile(export, records, targets, Map.of());
    }

    /**
     * @param transforms the mapping's transforms of the columns that have some ({@link #transformsOf}); the values of
     *                   the others are checked as the export holds them
     */
    public ObjectProfile profile(Export export, Iterator<SourceRecord> records, Map<String, FieldDescribe> targets,
            Map<String, TransformChain> transforms) {
        Map<String, ColumnProfiler> columns = new LinkedHashMap<>();
        export.header().forEach(column -> columns.put(column,
                new ColumnProfiler(column, targets.get(column), transforms.get(column), limits)));
        Map<String, Long> unreadable = new TreeMap<>();
        Set<String> legacyIds = new HashSet<>();
        List<ColumnProfile.LineValue> duplicateExamples = new ArrayList<>();
        boolean legacyIdsChecked = true;
        long read = 0;
        long missingLegacyIds = 0;
        long duplicates = 0;
        while (records.hasNext()) {
            SourceRecord record = records.next();
            if (!record.readable()) {
                unreadable.merge(record.rejectCode(), 1L, Long::sum);
                continue;
            }
            read++;
            // a REST record has no line: it is found by its number
            long position = record.page() > 0 ? record.recordNumber() : record.line();
            record.values().forEach((column, value) -> columns
                    .computeIfAbsent(column, name -> new ColumnProfiler(name, targets.get(name), transforms.get(name), limits))
                    .add(value, position, record.values()));
            if (record.legacyId() == null) {
                missingLegacyIds++;
            } else if (legacyIds.contains(record.legacyId())) {
                duplicates++;
                if (duplicateExamples.size() < limits.examples()) {
                    duplicateExamples.add(new ColumnProfile.LineValue(position, record.legacyId()));
                }
            } else if (legacyIds.size() < limits.legacyIds()) {
                legacyIds.add(record.legacyId());
            } else {
                legacyIdsChecked = false;
            }
        }
        long total = read;
        return new ObjectProfile(export.object(), export.name(), export.charset(), export.charsetReason(),
                export.charset() == null ? "record" : "line",
                total, unreadable, export.legacyIdColumn(), missingLegacyIds, duplicates, duplicateExamples,
                legacyIdsChecked, columns.values().stream().map(column -> column.profile(total)).toList());
    }
}
