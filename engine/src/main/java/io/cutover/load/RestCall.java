package io.cutover.load;

import io.cutover.load.RestTargetDescription.Credential;
import io.cutover.load.RestTargetDescription.Rendered;
import java.util.Map;
import java.util.Optional;

/**
 * One call to a REST target for one record, and what is known before it is answered.
 *
 * @param endpoint        the camel-http endpoint of the target's server, with its timeouts
 * @param url             the call's URL without its query
 * @param body            the record's fields, for a call that writes; null for a search
 * @param targetId        the record's id in the target, for an update
 * @param fromLedger      the target id is the one the ledger holds, which a user may have deleted in the target since
 * @param mayHaveCreated  an earlier create or upsert of the record got no answer, so may have made the record this
 *                        call finds or updates: it counts as loaded
 */
public record RestCall(Operation operation, String endpoint, String url, Rendered request, Optional<Credential> credential,
        Map<String, Object> body, String targetId, boolean fromLedger, boolean mayHaveCreated) {

    /** The calls a REST target takes, named as they are counted (apiCalls). */
    public enum Operation {
        CREATE, UPDATE, UPSERT, SEARCH;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The method and the path with its query, as messages name the call: never the credential. */
    @Override
    public String toString() {
        return request.toString();
    }
}
