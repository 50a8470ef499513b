package io.cutover.dedup;

import java.util.List;
import java.util.Optional;

/**
 * How the records of one object are matched: the rules scored on each compared pair, the score from which a pair is
 * a duplicate, and the blocking passes that choose which pairs are compared. Read from {@code matching/<object>.yaml}
 * by {@link MatchRulesReader}.
 *
 * @param maxBlockSize a block with more records than this is not compared (its records still meet in the other
 *     passes): one shared placeholder value ("n/a", a company switchboard) must not cost millions of comparisons
 * @param merge when clusters are merged in merge mode; none: the object's clusters are only written for review
 * @param lookupInTarget the fields whose values are looked up in the target (SOQL, {@code WHERE field IN (...)}) to
 *     find the records already there that the records to load are compared with; empty: the target is not searched
 */
public record MatchRules(String object, double threshold, int maxBlockSize, List<MatchRule> rules, List<BlockingPass> blocking,
        Optional<MergeRule> merge, List<String> lookupInTarget) {

    public MatchRules(String object, double threshold, int maxBlockSize, List<MatchRule> rules, List<BlockingPass> blocking,
            Optional<MergeRule> merge) {
        this(object, threshold, maxBlockSize, rules, blocking, merge, List.of());
    }

    /** Rules without a merge rule: their clusters are written for review only. */
    public MatchRules(String object, double threshold, int maxBlockSize, List<MatchRule> rules, List<BlockingPass> blocking) {
        this(object, threshold, maxBlockSize, rules, blocking, Optional.empty());
    }
}
