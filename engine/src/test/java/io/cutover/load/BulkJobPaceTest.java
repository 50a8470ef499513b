package io.cutover.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A bulk job is polled when it should have finished, by its own pace or its object's earlier jobs'. */
class BulkJobPaceTest {

    private final BulkJobPace pace = new BulkJobPace(Duration.ofSeconds(2), Duration.ofSeconds(30));

    @Test
    void withNothingKnownTheWaitsDoubleUpToTheLongest() {
        assertThat(pace.nextWait("Contact", 10_000, 0, Duration.ZERO, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(pace.nextWait("Contact", 10_000, 0, Duration.ofSeconds(2), 1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(pace.nextWait("Contact", 10_000, 0, Duration.ofSeconds(6), 2)).isEqualTo(Duration.ofSeconds(8));
        assertThat(pace.nextWait("Contact", 10_000, 0, Duration.ofSeconds(60), 5)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aJobInProgressIsPolledWhenItsOwnPaceSaysItEnds() {
        // a tenth done after 1 s: the other nine tenths take 9 s more
        assertThat(pace.nextWait("Contact", 10_000, 1_000, Duration.ofSeconds(1), 1)).isEqualTo(Duration.ofSeconds(9));
        // almost done: polled again soon, but not at once
        assertThat(pace.nextWait("Contact", 10_000, 9_999, Duration.ofSeconds(10), 3)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void theNextJobOfTheObjectIsPolledByThePaceItsPredecessorShowed() {
        pace.seen("Contact", 10_000, 2_500, false, Duration.ofSeconds(1), 1);

        assertThat(pace.nextWait("Contact", 10_000, 0, Duration.ZERO, 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(pace.nextWait("Account", 10_000, 0, Duration.ZERO, 0)).as("another object's pace is its own")
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(pace.nextWait("Contact", 10_000, 0, Duration.ofSeconds(4), 1))
                .as("a job the org has not started: no stream of short polls").isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aJobFoundFinishedAtItsFirstPollMakesTheNextOnePolledSooner() {
        pace.seen("Contact", 10_000, 2_500, false, Duration.ofSeconds(1), 1);
        pace.seen("Contact", 10_000, 10_000, true, Duration.ofSeconds(4), 0);

        assertThat(pace.nextWait("Contact", 10_000, 0, Duration.ZERO, 0)).isEqualTo(Duration.ofMillis(3_200));
    }

    @Test
    void aFinishedJobTellsThePaceOnlyWhenNothingBetterIsKnown() {
        pace.seen("Contact", 10_000, 10_000, true, Duration.ofSeconds(5), 2);
        assertThat(pace.nextWait("Contact", 10_000, 0, Duration.ZERO, 0)).isEqualTo(Duration.ofSeconds(5));

        pace.seen("Contact", 10_000, 5_000, false, Duration.ofSeconds(1), 1);
        pace.seen("Contact", 10_000, 10_000, true, Duration.ofSeconds(6), 2);
        assertThat(pace.nextWait("Contact", 10_000, 0, Duration.ZERO, 0)).isEqualTo(Duration.ofSeconds(2));
    }
}
