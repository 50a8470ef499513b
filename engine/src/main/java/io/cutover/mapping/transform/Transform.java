package io.cutover.mapping.transform;

import io.cutover.schema.FieldDescribe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One step of a field's transform chain. Built once, when the mapping files are read, so that mapping a record does
 * no parsing, reflection or pattern compilation.
 */
public interface Transform {

    /**
     * The value after this step; null stands for an empty value.
     *
     * @param row the record's source values by column, for steps that read another column (e.g. a phone's country)
     * @throws Rejection when the value cannot be transformed and the record must be rejected
     */
    String apply(String value, Map<String, String> row) throws Rejection;

    /**
     * The value after this step, reporting to {@code warnings} what the step changed that the record's outcome must
     * tell (e.g. a value cut to the target's length). Only steps that can warn override it.
     */
    default String apply(String value, Map<String, String> row, Consumer<TransformWarning> warnings) throws Rejection {
        return apply(value, row);
    }

    /** The source columns this step reads besides the field's own, checked against the export's header at start-up. */
    default List<String> columnsRead() {
        return List.of();
    }

    /** Why this step cannot feed the target field, or null when it can. Checked at start-up. */
    default String problemWith(FieldDescribe target) {
        return null;
    }

    /** This step, completed with what it needs from the target field (e.g. its length). */
    default Transform boundTo(FieldDescribe target) {
        return this;
    }

    /**
     * How the reverse sync writes a value of the target back to the source: a function giving the source value that
     * this step turns into that target value again. Empty when the step cannot be undone (a date format, a computed
     * value). A normalising step gives the value as is, since applied again it leaves it unchanged.
     */
    default Optional<UnaryOperator<String>> reverse() {
        return Optional.empty();
    }
}
