package io.cutover.reverse;

import io.cutover.state.SyncConflicts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The reverse sync's metrics (Prometheus at /q/metrics): its lag, from a change's commit in the target to its write
 * in the legacy CRM ({@code cutover_reverse_sync_lag_seconds}, p50 and p95, per object), the changes per object,
 * status and reason, and the conflicts held for review.
 */
@Singleton
public class ReverseMetrics {

    private final MeterRegistry registry;
    private final SyncConflicts conflicts;
    private final ReverseSettings settings;

    ReverseMetrics(MeterRegistry registry, SyncConflicts conflicts, ReverseSettings settings) {
        this.registry = registry;
        this.conflicts = conflicts;
        this.settings = settings;
    }

    void register(@Observes StartupEvent event) {
        if (settings.enabled()) {
            Gauge.builder("cutover.reverse.sync.conflicts.held", conflicts, held -> held.list(true).size())
                    .description("Conflicts waiting for somebody's decision").strongReference(true).register(registry);
        }
    }

    /** After a batch's outcomes were recorded. */
    void recorded(List<WriteBack> batch) {
        Instant now = Instant.now();
        for (WriteBack writeBack : batch) {
            if (writeBack.result() == null) {
                continue;
            }
            String object = writeBack.change().object();
            Counter.builder("cutover.reverse.sync.changes").tag("object", object).tag("status", writeBack.result().status())
                    .tag("reason", writeBack.result().reasonCode() == null ? "" : writeBack.result().reasonCode())
                    .description("Target changes, by what became of them").register(registry).increment();
            if ("applied".equals(writeBack.result().status())) {
                Timer.builder("cutover.reverse.sync.lag").tag("object", object)
                        .description("From a change's commit in the target to its write in the legacy CRM")
                        .publishPercentiles(0.5, 0.95).register(registry)
                        .record(Duration.between(writeBack.change().commitTime(), now));
            }
        }
    }
}
