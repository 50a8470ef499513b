package io.cutover.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Duration OTHERWISE = Duration.ofMillis(3);

    @Test
    void theHeaderIsSecondsOrADate() {
        assertThat(RetryAfter.wait("7", OTHERWISE)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.wait(" 0 ", OTHERWISE)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.wait("Wed, 21 Oct 2015 07:28:00 GMT", OTHERWISE)).as("a date gone by").isEqualTo(Duration.ZERO);
        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusHours(1));
        assertThat(RetryAfter.wait(inAnHour, OTHERWISE)).isBetween(Duration.ofMinutes(58), Duration.ofMinutes(60));
    }

    @Test
    void withoutAReadableHeaderTheCallersWaitApplies() {
        assertThat(RetryAfter.wait(null, OTHERWISE)).isEqualTo(OTHERWISE);
        assertThat(RetryAfter.wait(" ", OTHERWISE)).isEqualTo(OTHERWISE);
        assertThat(RetryAfter.wait("soon", OTHERWISE)).isEqualTo(OTHERWISE);
        assertThat(RetryAfter.wait("-5", OTHERWISE)).isEqualTo(Duration.ZERO);
    }
}
