package io.cutover.dedup;

import java.util.List;

/**
 * How the records of one object are matched: the rules scored on each compared pair, the score from which a pair is
 * a duplicate, and the blocking passes that choose which pairs are compared. Read from {@code matching/<object>.yaml}
 * by {@link MatchRulesReader}.
 *
 * @param maxBlockSize a block with more records than this is not compared (its records still meet in the other
 *     passes): one shared placeholder value ("n/a", a company switchboard) must not cost millions of comparisons
 */
public record MatchRules(String object, double threshold, int maxBlockSize, List<MatchRule> rules, List<BlockingPass> blocking) {
}
