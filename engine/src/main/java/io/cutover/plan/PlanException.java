package io.cutover.plan;

/** The run cannot be planned as configured; the message says which setting or file to change. */
public class PlanException extends RuntimeException {
    public PlanException(String message) {
        super(message);
    }
}
