package io.cutover.mapping.transform;

/**
 * Something a transform changed that the record's outcome must tell, though the record is not rejected: a stable
 * code and what happened to the value (e.g. {@code TRUNCATED}, "312 characters cut to 255").
 */
public record TransformWarning(String code, String detail) {}
