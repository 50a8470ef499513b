package io.cutover.sandbox.soql;

import java.util.List;

/** A WHERE clause, as a tree. */
public sealed interface Condition {

    record And(List<Condition> parts) implements Condition {
    }

    record Or(List<Condition> parts) implements Condition {
    }

    record Not(Condition condition) implements Condition {
    }

    /** {@code field op value} with op one of = != < <= > >= LIKE. */
    record Comparison(String field, String operator, Literal value) implements Condition {
    }

    record In(String field, boolean negated, List<Literal> values) implements Condition {
    }
}
