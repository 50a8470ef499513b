package io.cutover.dedup;

import java.util.List;

/**
 * Records that are one entity: those linked by duplicate pairs, directly or through each other.
 *
 * @param records positions of the records in the order they were added, ascending
 * @param weakestLink the lowest score among the pairs that hold the cluster together: how sure the cluster is
 * @param matchedFields the fields that matched in any of its pairs
 */
public record DuplicateCluster(int[] records, List<String> ids, double weakestLink, List<String> matchedFields) {
}
