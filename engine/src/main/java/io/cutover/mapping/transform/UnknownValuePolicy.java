package io.cutover.mapping.transform;

/** What a value map or lookup does with a value it has no entry for. */
enum UnknownValuePolicy {
    /** The record is rejected with UNMAPPED_VALUE. */
    REJECT,
    /** The value goes on unchanged. */
    PASS,
    /** The configured default value is used instead. */
    DEFAULT
}
