package io.cutover.dedup;

import java.util.Arrays;
import java.util.List;

/**
 * What a matching run found.
 *
 * @param comparisonsByPass the pairs scored in each blocking pass (what blocking let through), in the rules' order
 * @param skippedBlocks the blocks larger than the rules' maxBlockSize, not compared
 */
public record Matches(int records, List<ScoredPair> pairs, List<DuplicateCluster> clusters, long[] comparisonsByPass,
        int skippedBlocks) {

    public long comparisons() {
        return Arrays.stream(comparisonsByPass).sum();
    }
}
