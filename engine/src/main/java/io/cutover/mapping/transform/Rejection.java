package io.cutover.mapping.transform;

/**
 * A value that cannot be mapped: the record is rejected with a stable reason code. Rejections are expected outcomes,
 * not bugs, so no stack trace is recorded (that would cost more than the whole mapping of a record).
 */
public final class Rejection extends Exception {

    private final String reasonCode;

    public Rejection(String reasonCode, String problem) {
        super(problem, null, false, false);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
