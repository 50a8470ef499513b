package io.cutover.mapping.profile;

/** A value (or shape) and how many times a column holds it. */
public record ValueCount(String value, long count) {}
