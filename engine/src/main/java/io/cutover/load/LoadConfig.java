package io.cutover.load;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The load stage's settings ({@code cutover.load.*}), checked when the application starts: a value out of its range
 * stops the start with the key named. Their defaults and the why of each are in application.properties; the routes
 * read some of them too ({@code {{cutover.load.batch-size}}}), so they are checked here although no bean reads them.
 */
@ConfigMapping(prefix = "cutover.load")
public interface LoadConfig {

    /** Records per sObject-collection call: Salesforce takes at most 200. */
    @Min(1)
    @Max(200)
    int batchSize();

    /** An object run with more records to load than this goes through Bulk API 2.0 (0: always). */
    @PositiveOrZero
    int bulkThreshold();

    /** Records per Bulk API 2.0 job. */
    @Positive
    int bulkBatchSize();

    /** The first wait before a bulk job whose pace is not known yet is polled; doubled each time until it is. */
    @DurationMin(millis = 1)
    Duration bulkPollFirst();

    @DurationMin(millis = 1)
    Duration bulkPollMax();

    /** A bulk job still running after this long is aborted. */
    @DurationMin(millis = 1)
    Duration bulkJobTimeLimit();

    /** The share of the org's daily API requests left free for its other users, from 0 up to (not including) 1. */
    @DecimalMin("0")
    @DecimalMax(value = "1", inclusive = false)
    double apiReserve();

    ApiBudgetReads apiBudget();

    /** Batches in flight at once. */
    @Positive
    int parallelism();

    /** The attempts a record has for passing failures before it is rejected RETRIES_EXHAUSTED. */
    @Positive
    int maxAttempts();

    /** The first backoff before a record's next attempt; doubled each time up to {@link #retryBackoffMax()}. */
    @DurationMin(millis = 1)
    Duration retryBackoff();

    @DurationMin(millis = 1)
    Duration retryBackoffMax();

    Outage outage();

    /** {@code cutover.load.api-budget.*}: how often the limits governor reads the org's API budget. */
    interface ApiBudgetReads {

        /** /limits is read again after this many calls... */
        @Positive
        long readEveryCalls();

        /** ...or after this long, whichever comes first. */
        @DurationMin(millis = 1)
        Duration readEvery();

        /** The wait before each call while less than twice the reserve is left. */
        @DurationMin(millis = 0)
        Duration slowDownDelay();

        /** While paused, /limits is read again this often. */
        @DurationMin(millis = 1)
        Duration pauseRecheck();
    }

    /** {@code cutover.load.outage.*}: how an outage of the target pauses the load. */
    interface Outage {

        /** The target is probed this often while it is out. */
        @DurationMin(millis = 1)
        Duration probeEvery();

        /** A target out for longer than this fails the run, its records pending. */
        @DurationMin(millis = 1)
        Duration maxWait();
    }
}
