package io.cutover.load;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The sandbox in memory on a port of its own, bulk jobs of 1,000 records polled every few milliseconds, and a limits
 * governor that waits a millisecond where it would wait seconds. /limits is read when 10 calls have not told the org's
 * usage (their answers' Sforce-Limit-Info) and never because of time, so that what the governor does depends only on
 * the calls made.
 */
public class BulkTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.http.test-port", "18641"),
                // H2 refuses file paths that are implicitly relative
                Map.entry("cutover.data-dir", "./target/bulk-test-data"),
                Map.entry("cutover.sandbox.enabled", "true"),
                Map.entry("cutover.sandbox.storage", "memory"),
                Map.entry("cutover.load.bulk-batch-size", "1000"),
                Map.entry("cutover.load.bulk-poll-first", "20ms"),
                Map.entry("cutover.load.bulk-poll-max", "200ms"),
                Map.entry("cutover.load.api-budget.read-every-calls", "10"),
                Map.entry("cutover.load.api-budget.read-every", "24h"),
                Map.entry("cutover.load.api-budget.slow-down-delay", "1ms"),
                Map.entry("cutover.load.api-budget.pause-recheck", "20ms"));
    }
}
