package io.cutover.sync;

import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.SyncQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The sync's metrics (Prometheus at /q/metrics): its lag, from a change in the legacy CRM to its application in the
 * target ({@code cutover_sync_lag_seconds}, with p50 and p95), the changes applied per object and outcome, the
 * changes waiting in the sync queue, and the seconds since the last successful poll. Counted per batch, after the
 * ledger recorded it.
 */
@Singleton
@Named("syncMetrics")
public class SyncMetrics {

    private final MeterRegistry registry;
    private final SyncQueue queue;
    private final SyncControl control;

    SyncMetrics(MeterRegistry registry, SyncQueue queue, SyncControl control) {
        this.registry = registry;
        this.queue = queue;
        this.control = control;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("cutover.sync.queue.size", queue, waiting -> waiting.sizes().values().stream()
                        .mapToLong(Long::longValue).sum())
                .description("Changes waiting in the sync queue for another attempt").strongReference(true).register(registry);
        Gauge.builder("cutover.sync.last.poll.age", control, sync -> sync.lastSuccessfulPoll()
                        .map(at -> Duration.between(at, Instant.now()).toMillis() / 1000.0).orElse(Double.NaN))
                .description("Seconds since the last sync cycle that completed").baseUnit("seconds").strongReference(true)
                .register(registry);
    }

    /** After a sync cycle's batch was recorded: its lag and its outcomes. */
    public void applied(@Body List<PipelineRecord> batch, @ExchangeProperty("runKind") String runKind) {
        if (!SyncQueue.SYNC_RUN.equals(runKind) || batch.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        batch.stream().filter(record -> record.getOutcome() != null)
                .collect(Collectors.groupingBy(record -> record.getOutcome().label(), Collectors.counting()))
                .forEach((outcome, count) -> Counter.builder("cutover.sync.changes").tag("object", batch.get(0).getObject())
                        .tag("outcome", outcome).register(registry).increment(count));
        Timer lag = Timer.builder("cutover.sync.lag").tag("object", batch.get(0).getObject())
                .description("From a change in the legacy CRM to its application in the target")
                .publishPercentiles(0.5, 0.95).register(registry);
        for (PipelineRecord record : batch) {
            boolean applied = record.getOutcome() == Outcome.LOADED || record.getOutcome() == Outcome.UPDATED
                    || record.getOutcome() == Outcome.DELETED;
            Instant changedAt = instant(record.getChangedAt());
            if (applied && changedAt != null) {
                lag.record(Duration.between(changedAt, now));
            }
        }
    }

    private static Instant instant(String marker) {
        if (marker == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(marker).toInstant();
        } catch (DateTimeParseException notATimestamp) {
            return null;
        }
    }
}
