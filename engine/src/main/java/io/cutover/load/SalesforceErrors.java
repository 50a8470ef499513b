package io.cutover.load;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;

/** The error codes of a failed camel-salesforce call, which it may wrap in exceptions of its own. */
final class SalesforceErrors {

    private SalesforceErrors() {
    }

    static List<String> codes(Throwable failure) {
        List<String> codes = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SalesforceException salesforce && salesforce.getErrors() != null) {
                salesforce.getErrors().stream().map(RestError::getErrorCode).forEach(codes::add);
            }
        }
        return codes;
    }
}
