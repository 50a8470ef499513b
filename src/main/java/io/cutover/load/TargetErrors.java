package io.cutover.load;

import java.util.Set;
import org.apache.camel.component.salesforce.api.SalesforceException;

/** Which of the target's errors may pass on another attempt, and which are the record's or the request's own fault. */
public final class TargetErrors {

    /** Record errors that say "not now" rather than "not this record". */
    private static final Set<String> PASSING_CODES = Set.of("UNABLE_TO_LOCK_ROW", "REQUEST_LIMIT_EXCEEDED",
            "SERVER_UNAVAILABLE", "QUERY_TIMEOUT", "INVALID_SESSION_ID", "TARGET_CALL_FAILED");

    private TargetErrors() {
    }

    public static boolean passing(String errorCode) {
        return PASSING_CODES.contains(errorCode);
    }

    /** A failed call may pass when there was no answer, or the answer was a server error, a limit or an expired session. */
    public static boolean passing(Throwable failure) {
        int status = statusCode(failure);
        return status == 0 || status >= 500 || status == 429 || status == 408 || status == 401;
    }

    public static String callFailureCode(Throwable failure) {
        int status = statusCode(failure);
        return status == 0 ? "TARGET_CALL_FAILED" : "HTTP_" + status;
    }

    private static int statusCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SalesforceException salesforce && salesforce.getStatusCode() > 0) {
                return salesforce.getStatusCode();
            }
        }
        return 0;
    }
}
