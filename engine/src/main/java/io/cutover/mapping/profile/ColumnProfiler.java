package io.cutover.mapping.profile;

import io.cutover.mapping.transform.Rejection;
import io.cutover.mapping.transform.TransformChain;
import io.cutover.schema.FieldDescribe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Takes one column's values as the export is streamed, in bounded memory, and sums them up as a {@link ColumnProfile}. */
final class ColumnProfiler {

    private static final List<String> TEXT_TYPES = List.of("string", "textarea", "email", "phone", "url", "picklist",
            "multipicklist", "encryptedstring", "combobox");

    private final String column;
    private final FieldDescribe target;
    private final ValueCheck check;
    private static final String UNMAPPED_VALUE = "UNMAPPED_VALUE";

    private final TransformChain transforms;
    private final ProfileLimits limits;
    private final BoundedCounter values;
    private final BoundedCounter shapes;
    private final List<ColumnProfile.LineValue> invalidExamples = new ArrayList<>();
    private long filled;
    private int longestLength;
    private long longestLine;
    private long longerThanTarget;
    private long invalid;
    private long accepted;
    private final Map<String, Long> rejected = new TreeMap<>();
    private final Map<String, Long> warned = new TreeMap<>();
    private final List<MappedValues.Example> mappedExamples = new ArrayList<>();
    /** The values a value map or lookup table has no entry for: the list a mapping's author completes the map from. */
    private final BoundedCounter unmapped;

    /** @param transforms the mapping's transforms of the column, bound to the target; null when the mapping has none */
    ColumnProfiler(String column, FieldDescribe target, TransformChain transforms, ProfileLimits limits) {
        this.column = column;
        this.target = target;
        this.transforms = transforms;
        this.check = target == null ? null : ValueCheck.forFieldType(target.type());
        this.limits = limits;
        this.values = new BoundedCounter(limits.distinctValues());
        this.shapes = new BoundedCounter(limits.distinctValues());
        this.unmapped = new BoundedCounter(limits.distinctValues());
    }

    /** @param row the record's values by column, for transforms that read another column (a phone's country) */
    void add(String value, long line, Map<String, String> row) {
        if (value == null || value.isBlank()) {
            return;
        }
        filled++;
        values.add(value);
        shapes.add(ValueShape.of(value));
        int length = value.codePointCount(0, value.length());
        if (length > longestLength) {
            longestLength = length;
            longestLine = line;
        }
        if (targetLength() > 0 && length > targetLength()) {
            longerThanTarget++;
        }
        String checked = transforms == null ? value : mapped(value, line, row);
        // a value the mapping rejects is counted there, with the mapping's reason; the check is of what reaches the target
        if (checked != null && check != null && !check.accepts(checked, limits.phoneRegion())) {
            invalid++;
            if (invalidExamples.size() < limits.examples()) {
                invalidExamples.add(new ColumnProfile.LineValue(line, value));
            }
        }
    }

    /** The value through the mapping's transforms, counted as a run would count it; null when they reject it or empty it. */
    private String mapped(String value, long line, Map<String, String> row) {
        try {
            String result = transforms.apply(value, row, warning -> {
                warned.merge(warning.code(), 1L, Long::sum);
                example(line, value, warning.code(), warning.detail());
            });
            accepted++;
            return result == null || result.isBlank() ? null : result;
        } catch (Rejection rejection) {
            rejected.merge(rejection.reasonCode(), 1L, Long::sum);
            if (UNMAPPED_VALUE.equals(rejection.reasonCode())) {
                unmapped.add(value);
            }
            example(line, value, rejection.reasonCode(), rejection.getMessage());
            return null;
        }
    }

    private void example(long line, String value, String code, String detail) {
        if (mappedExamples.size() < limits.examples()) {
            mappedExamples.add(new MappedValues.Example(line, value, code, detail));
        }
    }

    ColumnProfile profile(long records) {
        return new ColumnProfile(column, target == null ? null : target.name(), target == null ? null : target.type(),
                targetLength(), filled, records == 0 ? 0 : (double) filled / records, values.distinct(), values.capped(),
                values.top(limits.topValues()), shapes.top(limits.topValues()), shapes.capped(), longestLength,
                longestLine, longerThanTarget, check, invalid, List.copyOf(invalidExamples),
                transforms == null ? null : new MappedValues(accepted, new TreeMap<>(rejected), new TreeMap<>(warned),
                        List.copyOf(mappedExamples), unmapped.top(unmapped.distinct()), unmapped.capped()));
    }

    /** The target's length limit, for text fields only: a number's "length" is its digits, not characters. */
    private int targetLength() {
        return target != null && TEXT_TYPES.contains(target.type()) ? target.length() : 0;
    }
}
