package io.cutover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FieldSampleTest {

    private static final List<String> LEGACY_IDS = IntStream.rangeClosed(1, 10_000).mapToObj(i -> "ContactRef" + i).toList();

    private static List<String> chosen(String sample) {
        Predicate<String> chooser = FieldSample.parse(sample).among(LEGACY_IDS.size());
        return LEGACY_IDS.stream().filter(chooser).toList();
    }

    @Test
    void allComparesEveryRecord() {
        assertThat(chosen("all")).hasSize(10_000);
    }

    @Test
    void aShareIsChosenByLegacyIdTheSameRecordsEveryTime() {
        assertThat(chosen("10%")).hasSizeBetween(900, 1100).isEqualTo(chosen("10%"))
                .allMatch(id -> Math.floorMod(id.hashCode(), 100) < 10);
    }

    @Test
    void aNumberIsAtMostThatManyAndNearIt() {
        assertThat(chosen("500")).hasSizeBetween(400, 500).isEqualTo(chosen("500"));
        assertThat(chosen("20000")).hasSize(10_000);
    }
}
