package io.cutover.dedup;

import java.util.List;

/**
 * What a matching run found.
 *
 * @param comparisons the pairs scored: what blocking let through
 * @param skippedBlocks the blocks larger than the rules' maxBlockSize, not compared
 */
public record Matches(int records, List<ScoredPair> pairs, List<DuplicateCluster> clusters, long comparisons,
        int skippedBlocks) {
}
