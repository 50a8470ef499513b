package io.cutover.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The machine-readable account of one run, written to {@code runs/<run-id>/report.json} under the data folder.
 *
 * @param exportDate when the legacy export the run read was taken ({@code cutover.run.export-date}); null when not given
 * @param apiCalls the calls made to the target, per object and operation
 * @param apiBudget the org's daily API requests as last read during the run (by the API budget governor); null when
 *        the target tells none, or no reading was taken for the run
 * @param warnings what the pipeline changed in records without rejecting them, per object and reason
 */
public record RunReport(String runId, String mode, String status, Instant startedAt, Instant endedAt,
        LocalDate exportDate, Map<String, ObjectCounts> objects, Map<String, Map<String, Long>> apiCalls, Budget apiBudget,
        Map<String, Map<String, Long>> warnings, String error) {

    /** The org's daily API requests: its limit, what was left, the reserve kept free for others, when read. */
    public record Budget(long limit, long remaining, long reserve, Instant readAt) {}

    /** Calls per operation, all objects together. */
    public Map<String, Long> callsByOperation() {
        Map<String, Long> byOperation = new java.util.TreeMap<>();
        apiCalls.values().forEach(calls -> calls.forEach((operation, count) -> byOperation.merge(operation, count, Long::sum)));
        return byOperation;
    }

    public long calls() {
        return apiCalls.values().stream().flatMap(calls -> calls.values().stream()).mapToLong(Long::longValue).sum();
    }

    public long read() {
        return objects.values().stream().mapToLong(ObjectCounts::read).sum();
    }

    public long rejected() {
        return objects.values().stream().mapToLong(ObjectCounts::rejected).sum();
    }

    public boolean accountedFor() {
        return objects.values().stream().allMatch(ObjectCounts::accountedFor);
    }

    /**
     * 0: completed, every record accounted for, rejects within the threshold; 1: too many rejects; 2: the run failed
     * or lost track of records.
     */
    public int exitCode(double maxRejectRate) {
        if (!"completed".equals(status) || !accountedFor()) {
            return 2;
        }
        return read() == 0 || (double) rejected() / read() <= maxRejectRate ? 0 : 1;
    }
}
