package io.cutover.reverse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithUnnamedKey;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The reverse sync's settings ({@code cutover.reverse-sync.*}; docs/cutover.md), checked when the application starts: a
 * wrong value stops the start with the key named. Their defaults and the why of each are in application.properties;
 * {@link ReverseSettings} gives them to the stage with the target's client name.
 */
@ConfigMapping(prefix = "cutover.reverse-sync")
public interface ReverseSyncConfig {

    boolean enabled();

    /** The objects written back, parents first. */
    @NotEmpty
    List<String> objects();

    /** Whether target changes are captured with Change Data Capture events (else by the SOQL sweep alone). */
    boolean cdc();

    /** How often the SOQL sweep reads the target without Change Data Capture. */
    @DurationMin(millis = 1)
    Duration pollInterval();

    /** How often the SOQL sweep repairs what the events missed, with Change Data Capture. */
    @DurationMin(millis = 1)
    Duration sweepInterval();

    /** How long the org keeps change events. */
    @DurationMin(millis = 1)
    Duration eventRetention();

    /** How far back a sweep reads before its last position. */
    @DurationMin(millis = 0)
    Duration overlap();

    /** How often the changes received are applied to the legacy CRM (read by the reverse-sync route). */
    @DurationMin(millis = 1)
    Duration tick();

    /** Target changes applied per pass. */
    @Positive
    int batchSize();

    /** Attempts at a change the legacy CRM keeps failing for a passing reason. */
    @Positive
    int maxAttempts();

    /**
     * The conflict policy: {@code cutover.reverse-sync.conflicts} for every object (the unnamed key, ""), and
     * {@code cutover.reverse-sync.conflicts.<Object>} for one. Declared so that these keys are known ones;
     * {@link ReverseSettings#conflicts} reads and checks their values from the configuration itself.
     */
    @WithUnnamedKey
    Map<String, String> conflicts();
}
