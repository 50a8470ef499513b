package io.cutover.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SessionRegistryTest {

    /** A clock the test moves forward, so that expiry is checked without waiting. */
    static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2024-01-31T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aTokenExpiresAfterTheSessionTimeout() {
        SteppingClock clock = new SteppingClock();
        SessionRegistry sessions = new SessionRegistry(
                TestConfigs.sandbox(Map.of("cutover.sandbox.session-timeout", "30m")), clock);
        String token = sessions.open();
        assertThat(token).startsWith(SessionRegistry.ORG_ID + "!");

        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.isValid(token)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(sessions.isValid(token)).isFalse();
    }

    @Test
    void theDefaultSessionLastsTwoHoursLikeSalesforce() {
        SteppingClock clock = new SteppingClock();
        SessionRegistry sessions = new SessionRegistry(TestConfigs.sandbox(Map.of()), clock);
        String token = sessions.open();
        clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(sessions.isValid(token)).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(sessions.isValid(token)).isFalse();
    }

    @Test
    void revokedAndUnknownTokensAreInvalid() {
        SessionRegistry sessions = new SessionRegistry(TestConfigs.sandbox(Map.of()), new SteppingClock());
        String first = sessions.open();
        String second = sessions.open();
        sessions.revoke(first);
        assertThat(sessions.isValid(first)).isFalse();
        assertThat(sessions.isValid(second)).isTrue();
        sessions.revokeAll();
        assertThat(sessions.isValid(second)).isFalse();
        assertThat(sessions.isValid(null)).isFalse();
        assertThat(sessions.isValid(SessionRegistry.ORG_ID + "!made-up")).isFalse();
    }
}
