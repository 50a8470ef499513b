package io.cutover.mapping;

import io.cutover.mapping.transform.TransformChain;
import io.cutover.schema.FieldDescribe;
import java.util.List;
import java.util.stream.Stream;

/** Where one target field's value comes from. */
public sealed interface FieldRule {

    /** The source columns this rule reads, its transforms' included. */
    List<String> sourceColumns();

    /**
     * The values of one or more source columns through a chain of transforms. Several columns are joined by the
     * separator, skipping empty ones.
     */
    record Column(List<String> columns, String separator, TransformChain transforms) implements FieldRule {
        public Column {
            columns = List.copyOf(columns);
        }

        static Column of(String column) {
            return new Column(List.of(column), null, TransformChain.NONE);
        }

        public List<String> sourceColumns() {
            return Stream.concat(columns.stream(), transforms.columnsRead().stream()).distinct().toList();
        }

        /** This rule with transforms that know the target field (e.g. its length, to truncate to). */
        Column boundTo(FieldDescribe target) {
            return new Column(columns, separator, transforms.boundTo(target));
        }
    }

    /** The same value for every record. */
    record Constant(String value) implements FieldRule {
        public List<String> sourceColumns() {
            return List.of();
        }
    }

    /** The target id of the parent record whose legacy id is in the column, looked up in the ledger. */
    record Parent(String object, String column) implements FieldRule {
        public List<String> sourceColumns() {
            return List.of(column);
        }
    }
}
