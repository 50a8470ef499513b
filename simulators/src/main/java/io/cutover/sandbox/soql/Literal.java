package io.cutover.sandbox.soql;

/** A constant in a WHERE clause, with the kind SOQL's syntax gives it. */
public record Literal(Kind kind, String text) {

    public enum Kind {
        STRING, NUMBER, BOOLEAN, NULL, DATE, DATETIME
    }
}
