package io.cutover.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchQualityTest {

    @Test
    void aClusterCountsEveryPairInside() {
        // truth: {0, 1, 2} one person, {3, 4} another; found: {0, 1, 3} and nothing else
        MatchQuality.Truth truth = MatchQuality.Truth.ofLabels(new long[] {7, 7, 7, 9, 9, 0});
        DuplicateCluster found = new DuplicateCluster(new int[] {0, 1, 3}, List.of("a", "b", "d"), 10, List.of());

        MatchQuality quality = MatchQuality.ofClusters(List.of(found), truth);

        assertThat(quality.truePairs()).isEqualTo(3 + 1);
        assertThat(quality.foundPairs()).isEqualTo(3);
        assertThat(quality.rightPairs()).isEqualTo(1);
        assertThat(quality.precision()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(quality.recall()).isCloseTo(1 / 4.0, within(1e-9));
        assertThat(quality.f1()).isCloseTo(2 / 7.0, within(1e-9));
    }

    @Test
    void truePairsAreReadInEitherOrder() {
        MatchQuality.Truth truth = MatchQuality.Truth.ofPairs(List.<String[]>of(new String[] {"b", "a"}), Map.of("a", 0, "b", 1, "c", 2));

        assertThat(truth.duplicates(0, 1)).isTrue();
        assertThat(truth.duplicates(1, 0)).isTrue();
        assertThat(truth.duplicates(0, 2)).isFalse();
        assertThat(truth.pairs()).isEqualTo(1);
    }
}
