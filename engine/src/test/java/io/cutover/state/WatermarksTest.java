package io.cutover.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The watermark store on the application's state store, and the order of change markers. */
@QuarkusTest
@QuarkusTestResource(value = SalesforceSandbox.class, restrictToAnnotatedClass = true)
class WatermarksTest {

    @Inject
    Watermarks watermarks;

    /** A stream of its own: the test state store outlives a test run. */
    private final String stream = "test/" + UUID.randomUUID();

    @Test
    void aStreamHasNoWatermarkBeforeItsFirstCompleteRead() {
        assertThat(watermarks.get(stream)).isEmpty();
    }

    @Test
    void aWatermarkOnlyGoesUp() {
        assertThat(watermarks.advance(stream, "2024-05-01T10:00:00.5Z")).isEqualTo("2024-05-01T10:00:00.5Z");
        assertThat(watermarks.advance(stream, "2024-05-01T10:00:01Z")).isEqualTo("2024-05-01T10:00:01Z");
        assertThat(watermarks.advance(stream, "2024-05-01T09:59:59.999Z")).isEqualTo("2024-05-01T10:00:01Z");
        assertThat(watermarks.get(stream)).contains("2024-05-01T10:00:01Z");
        assertThat(watermarks.get("test/" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void markersCompareAsWhatTheyAre() {
        WatermarkOrder order = WatermarkOrder.INSTANCE;
        // as text, "10:00:01Z" sorts before "10:00:00.5Z"
        assertThat(order.compare("2024-05-01T10:00:01Z", "2024-05-01T10:00:00.5Z")).isPositive();
        assertThat(order.compare("2024-05-01T12:00:00+02:00", "2024-05-01T10:00:00.001Z")).isNegative();
        assertThat(order.compare("2024-05-01T10:00:00", "2024-05-01T09:00:00")).isPositive();
        assertThat(order.compare("10", "9")).isPositive();
        assertThat(order.compare("v10", "v9")).isNegative();
        assertThat(order.later(null, "7")).isEqualTo("7");
        assertThat(order.later("7", null)).isEqualTo("7");
    }
}
