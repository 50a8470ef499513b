package io.cutover.mapping.profile;

import io.cutover.schema.FieldDescribe;
import java.util.ArrayList;
import java.util.List;

/** Takes one column's values as the export is streamed, in bounded memory, and sums them up as a {@link ColumnProfile}. */
final class ColumnProfiler {

    private static final List<String> TEXT_TYPES = List.of("string", "textarea", "email", "phone", "url", "picklist",
            "multipicklist", "encryptedstring", "combobox");

    private final String column;
    private final FieldDescribe target;
    private final ValueCheck check;
    private final ProfileLimits limits;
    private final BoundedCounter values;
    private final BoundedCounter shapes;
    private final List<ColumnProfile.LineValue> invalidExamples = new ArrayList<>();
    private long filled;
    private int longestLength;
    private long longestLine;
    private long longerThanTarget;
    private long invalid;

    ColumnProfiler(String column, FieldDescribe target, ProfileLimits limits) {
        this.column = column;
        this.target = target;
        this.check = target == null ? null : ValueCheck.forFieldType(target.type());
        this.limits = limits;
        this.values = new BoundedCounter(limits.distinctValues());
        this.shapes = new BoundedCounter(limits.distinctValues());
    }

    void add(String value, long line) {
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
        if (check != null && !check.accepts(value, limits.phoneRegion())) {
            invalid++;
            if (invalidExamples.size() < limits.examples()) {
                invalidExamples.add(new ColumnProfile.LineValue(line, value));
            }
        }
    }

    ColumnProfile profile(long records) {
        return new ColumnProfile(column, target == null ? null : target.name(), target == null ? null : target.type(),
                targetLength(), filled, records == 0 ? 0 : (double) filled / records, values.distinct(), values.capped(),
                values.top(limits.topValues()), shapes.top(limits.topValues()), shapes.capped(), longestLength,
                longestLine, longerThanTarget, check, invalid, List.copyOf(invalidExamples));
    }

    /** The target's length limit, for text fields only: a number's "length" is its digits, not characters. */
    private int targetLength() {
        return target != null && TEXT_TYPES.contains(target.type()) ? target.length() : 0;
    }
}
