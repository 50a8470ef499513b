package io.cutover.mapping.transform;

/** What a validating transform does with a value it cannot make valid. */
enum InvalidValuePolicy {
    /** The record is rejected, naming the field and the value. */
    REJECT,
    /** The value goes on as it came (the target may still refuse it). */
    KEEP
}
