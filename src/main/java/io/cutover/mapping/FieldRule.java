package io.cutover.mapping;

import java.util.Optional;

/** Where one target field's value comes from. */
public sealed interface FieldRule {

    /** The source column this rule reads, if it reads one. */
    Optional<String> sourceColumn();

    /** The value of a source column, as is. */
    record Column(String column) implements FieldRule {
        public Optional<String> sourceColumn() {
            return Optional.of(column);
        }
    }

    /** The same value for every record. */
    record Constant(String value) implements FieldRule {
        public Optional<String> sourceColumn() {
            return Optional.empty();
        }
    }

    /** The target id of the parent record whose legacy id is in the column, looked up in the ledger. */
    record Parent(String object, String column) implements FieldRule {
        public Optional<String> sourceColumn() {
            return Optional.of(column);
        }
    }
}
