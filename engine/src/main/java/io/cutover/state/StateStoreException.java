package io.cutover.state;

/** The state store could not be read or written: the run cannot go on without losing track of records. */
public class StateStoreException extends RuntimeException {
    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
