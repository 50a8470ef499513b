package io.cutover.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithUnnamedKey;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The cutover sync's settings ({@code cutover.sync.*}; docs/cutover.md), checked when the application starts: a wrong
 * value stops the start with the key named. Their defaults and the why of each are in application.properties;
 * {@link SyncSettings} gives them to the stage. The routes read some of them ({@code {{cutover.sync.tick}}}), and the
 * sync queue (state) and the exports (source) read theirs by key, so they are checked here although no bean of this
 * package reads them.
 */
@ConfigMapping(prefix = "cutover.sync")
public interface SyncConfig {

    boolean enabled();

    /** How often the sync route looks for objects due. */
    @DurationMin(millis = 1)
    Duration tick();

    /**
     * How often an object's changes are read: {@code cutover.sync.poll-interval} for every object (the unnamed key, ""),
     * {@code cutover.sync.poll-interval.<Object>} for one. Declared so that these keys are known ones;
     * {@link SyncSettings#pollInterval} reads their values from the configuration itself.
     */
    @WithUnnamedKey
    Map<String, @DurationMin(millis = 1) Duration> pollInterval();

    /** The objects the sync keeps in step; unset: every object of the plan whose source has change capture. */
    Optional<List<String>> objects();

    /** How far before its watermark each read starts, for clock skew and changes committed late. */
    @DurationMin(millis = 0)
    Duration overlap();

    /**
     * What becomes of a record deleted in the legacy CRM: {@code cutover.sync.deletes} for every object (the unnamed
     * key), {@code cutover.sync.deletes.<Object>} for one; {@link SyncSettings#deletes} reads and checks their values
     * from the configuration itself.
     */
    @WithUnnamedKey
    Map<String, String> deletes();

    /** The objects whose complete export is the whole of them: a record missing from it was deleted. */
    Optional<List<String>> authoritative();

    Absent absent();

    Queue queue();

    /** Where delta files are dropped, one folder per object. */
    Path deltaDir();

    /** A delta file is taken once it has been unchanged this long (read by the sync route). */
    @DurationMin(millis = 0)
    Duration deltaMinAge();

    /** Readiness goes DOWN when every sync cycle has failed for this long. */
    @DurationMin(millis = 1)
    Duration unhealthyAfter();

    FinalDelta finalDelta();

    Lease lease();

    /** {@code cutover.sync.absent.*}: records missing from a complete read of an authoritative object. */
    interface Absent {

        /** The largest share of an object's records a complete read may find missing before it deletes nothing. */
        @DecimalMin("0")
        @DecimalMax("1")
        double maxShare();
    }

    /** {@code cutover.sync.queue.*}: changes that cannot be applied yet, tried again after a backoff. */
    interface Queue {

        @Positive
        int maxAttempts();

        /** The first backoff; doubled each time up to {@link #backoffMax()}. */
        @DurationMin(millis = 1)
        Duration backoff();

        @DurationMin(millis = 1)
        Duration backoffMax();
    }

    /** {@code cutover.sync.final-delta.*}. */
    interface FinalDelta {

        /** The most cycles a final delta runs while changes still wait in the sync queue (two at least are run). */
        @Positive
        int maxCycles();
    }

    /** {@code cutover.sync.lease.*}: the lease in the state store that makes one replica the one that polls. */
    interface Lease {

        /** How long a lease lasts unrenewed; its holder renews it every third of it. */
        @DurationMin(millis = 1)
        Duration duration();

        /** This replica's name in the lease. */
        @NotBlank
        String nodeId();
    }
}
