package io.cutover.sync;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the sync does in the target with a record deleted in the legacy CRM (cutover.sync.deletes.&lt;Object&gt;). */
public enum DeletePolicy {
    /** Deletes the target record. */
    DELETE,
    /** Loads the deletion as an edit: the mapping maps the deleted flag (e.g. onto a checkbox field), like any column. */
    FLAG,
    /** Leaves the target record as it is; the change is skipped with reason DELETE_IGNORED. */
    IGNORE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<DeletePolicy> of(String value) {
        return Arrays.stream(values()).filter(policy -> policy.value().equals(value.strip())).findFirst();
    }
}
