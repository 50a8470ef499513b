package io.cutover.load;

import java.util.Map;
import java.util.Set;
import org.apache.camel.component.salesforce.api.SalesforceException;

/** Which of the target's errors may pass on another attempt, and which are the record's or the request's own fault. */
public final class TargetErrors {

    /** Record errors that say "not now" rather than "not this record". */
    private static final Set<String> PASSING_CODES = Set.of("UNABLE_TO_LOCK_ROW", "REQUEST_LIMIT_EXCEEDED",
            "SERVER_UNAVAILABLE", "QUERY_TIMEOUT", "INVALID_SESSION_ID", "TARGET_CALL_FAILED");

    /** What the target's bare words mean for a migration, for the errors whose own message does not say. */
    private static final Map<String, String> EXPLANATIONS = Map.of("DUPLICATES_DETECTED", " (the target's duplicate "
            + "rules: it holds a record like this one; merge them there, or let the migration match against the "
            + "target's records, lookupInTarget in docs/duplicates.md, so that this record updates it)");

    private TargetErrors() {
    }

    /** A few words after the target's message for an error whose message alone does not say what happened; or nothing. */
    public static String explanation(String errorCode) {
        return EXPLANATIONS.getOrDefault(errorCode, "");
    }

    public static boolean passing(String errorCode) {
        return PASSING_CODES.contains(errorCode);
    }

    /**
     * A failed call may pass when there was no answer, or the answer was a server error, a limit (429, or 403
     * REQUEST_LIMIT_EXCEEDED) or an expired session.
     */
    public static boolean passing(Throwable failure) {
        SalesforceException answer = answer(failure);
        if (answer == null || answer.getStatusCode() <= 0) {
            return true;
        }
        int status = answer.getStatusCode();
        return status >= 500 || status == 429 || status == 408 || status == 401 || passing(errorCode(answer));
    }

    /**
     * The call itself failed, not a record: no answer, or a server error (5xx) — what an outage looks like. A limit
     * (429, REQUEST_LIMIT_EXCEEDED) or an expired session is not: the API budget and the login handle those.
     */
    public static boolean callLevel(Throwable failure) {
        SalesforceException answer = answer(failure);
        return answer == null || answer.getStatusCode() <= 0 || answer.getStatusCode() >= 500;
    }

    /** The target's error code when it gave one (REQUEST_LIMIT_EXCEEDED), else the HTTP status, else TARGET_CALL_FAILED. */
    public static String callFailureCode(Throwable failure) {
        SalesforceException answer = answer(failure);
        if (answer == null || answer.getStatusCode() <= 0) {
            return "TARGET_CALL_FAILED";
        }
        String code = errorCode(answer);
        return code != null ? code : "HTTP_" + answer.getStatusCode();
    }

    private static SalesforceException answer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SalesforceException salesforce) {
                return salesforce;
            }
        }
        return null;
    }

    private static String errorCode(SalesforceException answer) {
        return answer.getErrors() == null || answer.getErrors().isEmpty() ? null : answer.getErrors().get(0).getErrorCode();
    }
}
