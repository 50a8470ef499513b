package io.cutover.sandbox.soql;

/** A query Salesforce would reject, with the error code it would answer (MALFORMED_QUERY, INVALID_FIELD, ...). */
public class SoqlException extends RuntimeException {

    private final String errorCode;

    public SoqlException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
