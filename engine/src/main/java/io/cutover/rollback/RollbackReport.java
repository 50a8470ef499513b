package io.cutover.rollback;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The account of one rollback, written to {@code runs/<run-id>/rollback.json} under the data folder of the run rolled
 * back.
 *
 * @param runId the run rolled back
 * @param rollbackRunId the rollback's own run (mode {@code rollback}), under which its calls to the target are counted
 * @param status {@code completed}, {@code failed} (stopped by an error), or {@code refused} (the run cannot be rolled back)
 * @param objects per object, children first, in the order they were rolled back
 * @param failures every record the rollback could not roll back, with the reason
 */
public record RollbackReport(String runId, String rollbackRunId, String status, Instant startedAt, Instant endedAt,
        Map<String, ObjectRollback> objects, List<Failure> failures, String error) {

    /**
     * @param deleted records the run created, deleted from the target
     * @param alreadyDeleted records the run created that the target no longer had
     * @param restored records the run updated, whose before-image was written back
     * @param failed records that could not be rolled back (see the failures)
     */
    public record ObjectRollback(long deleted, long alreadyDeleted, long restored, long failed) {}

    /** @param action {@code delete} or {@code restore} */
    public record Failure(String object, String legacyId, String targetId, String action, String reasonCode, String message) {}

    /** 0: everything rolled back; 1: some records could not be (see the failures); 2: the rollback failed or was refused. */
    public int exitCode() {
        if (!"completed".equals(status)) {
            return 2;
        }
        return failures.isEmpty() ? 0 : 1;
    }
}
