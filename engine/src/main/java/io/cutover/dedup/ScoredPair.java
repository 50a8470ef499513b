package io.cutover.dedup;

import java.util.List;

/**
 * Two records found to be duplicates: their score (the sum of the rules' points, at least the threshold) and the
 * fields whose rules added points.
 *
 * @param first the first record's position in the order records were added
 * @param second the second record's position, after the first's
 */
public record ScoredPair(int first, int second, String firstId, String secondId, double score, List<String> matchedFields) {
}
