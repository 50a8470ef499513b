package io.cutover.reverse;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the reverse sync does when a record changed in the target has also changed in the legacy CRM since the two were
 * last in step (cutover.reverse-sync.conflicts). Every conflict is recorded with both versions, whatever the policy.
 */
public enum ConflictPolicy {
    /** The legacy CRM's version stays; the forward sync then writes it over the target's. */
    LEGACY_WINS("legacy-wins"),
    /** The target's changed fields are written to the legacy CRM; the legacy record's other changes reach the target. */
    TARGET_WINS("target-wins"),
    /** The later of the two changes wins, by the target's commit time and the legacy CRM's change time. */
    NEWEST_WINS("newest-wins"),
    /**
     * Field by field, against the values both sides last agreed on: a field only the target changed is written to the
     * legacy CRM, one only the legacy CRM changed reaches the target, one both changed goes to the newer change.
     */
    MERGE("merge"),
    /** Neither side moves until somebody decides (POST /sync/conflicts/{id}). */
    HOLD("hold");

    private final String value;

    ConflictPolicy(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ConflictPolicy> of(String value) {
        return Arrays.stream(values()).filter(policy -> policy.value.equals(value)).findFirst();
    }
}
