package io.cutover.reverse;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.state.TargetChanges;
import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A channel's first subscription replays every event the org keeps: those committed before its capture start (less
 * the overlap window) move the checkpoint and are not stored; those after are.
 */
@QuarkusTest
@QuarkusTestResource(value = SalesforceSandbox.class, restrictToAnnotatedClass = true)
class TargetChangeInboxTest {

    private static final String CHANNEL = "/data/LeadChangeEvent";

    @Inject
    TargetChangeInbox inbox;
    @Inject
    TargetChanges changes;
    @Inject
    ReverseSettings settings;

    @Test
    void eventsCommittedBeforeTheCaptureStartMoveOnlyTheCheckpoint() throws Exception {
        Instant start = changes.captureStart(ReplayIds.stream(CHANNEL));
        assertThat(changes.captureStart(ReplayIds.stream(CHANNEL))).as("recorded once").isEqualTo(start);
        long received = changes.counts().getOrDefault(TargetChanges.RECEIVED, 0L);
        // new to a state store kept from an earlier run of this test
        long replayId = System.currentTimeMillis();

        inbox.store(event(replayId, "00QOLD", start.minus(settings.overlap()).minus(Duration.ofMillis(1))), CHANNEL);
        assertThat(changes.counts().getOrDefault(TargetChanges.RECEIVED, 0L)).isEqualTo(received);
        TargetChanges.Checkpoint skipped = changes.checkpoint(ReplayIds.stream(CHANNEL)).orElseThrow();
        assertThat(skipped.position()).isEqualTo(String.valueOf(replayId));
        // a sweep catching up after the replay id expired would start there
        assertThat(skipped.commitTime()).isEqualTo(start.minus(settings.overlap()));

        // within the overlap window: the two clocks may differ by that much
        inbox.store(event(replayId + 1, "00QNEW", start.minus(settings.overlap())), CHANNEL);
        assertThat(changes.counts().getOrDefault(TargetChanges.RECEIVED, 0L)).isEqualTo(received + 1);
        assertThat(changes.checkpoint(ReplayIds.stream(CHANNEL)).orElseThrow().position()).isEqualTo(String.valueOf(replayId + 1));
    }

    private static String event(long replayId, String recordId, Instant committed) {
        return """
                {"channel": "%s", "data": {"event": {"replayId": %d}, "payload": {
                  "ChangeEventHeader": {"entityName": "Lead", "changeType": "UPDATE", "changeOrigin": "client=sales-team",
                    "commitTimestamp": %d, "recordIds": ["%s"], "changedFields": ["Title"]},
                  "Title": "Edited"}}}
                """.formatted(CHANNEL, replayId, committed.toEpochMilli(), recordId);
    }
}
