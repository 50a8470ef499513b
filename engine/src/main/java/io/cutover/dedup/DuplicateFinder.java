package io.cutover.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * Finds the duplicates among records by their match rules: records are added one by one (a stream read once), then
 * each blocking pass sorts the records by their key and scores every pair inside each block, unless an earlier pass
 * already scored it. Pairs scoring at least the threshold are duplicates; clusters are the sets they link, directly or
 * through each other. Blocks are scored in parallel.
 */
public final class DuplicateFinder {

    /** Positions take the low bits of a sorted entry, the block key's hash the others. */
    private static final int POSITION_BITS = 24;
    public static final int MAX_RECORDS = 1 << POSITION_BITS;

    /** A similarity not worked out yet; similarities are never negative. */
    private static final double UNKNOWN = -1;
    /** The similarity of a value with a missing one, which adds no points. */
    private static final double MISSING = Double.NaN;

    private final MatchRules rules;
    private final PreparedRecords records;
    /** The rules that can add the most first, so that a pair that cannot reach the threshold stops early. */
    private final List<MatchRule> ordered;
    private final int[] fieldSlots;
    private final int[] swappedSlots;
    /** Per rule in {@link #ordered}: the rule on its swapped field that is swapped with it, or -1. */
    private final int[] partnerRules;
    /** Per rule in {@link #ordered}: the most the rules from it on can still add. */
    private final double[] mostStillPossible;
    /** Per rule in the rules' own order (the order matched fields are named in): its position in {@link #ordered}. */
    private final int[] orderedPositions;

    public DuplicateFinder(MatchRules rules) {
        this.rules = rules;
        this.records = new PreparedRecords(rules);
        ordered = rules.rules().stream().sorted(Comparator.comparingDouble(MatchRule::agree).reversed()).toList();
        fieldSlots = ordered.stream().mapToInt(rule -> records.slot(rule.field(), rule.normalisation(), rule.region())).toArray();
        swappedSlots = ordered.stream().mapToInt(rule -> rule.swappedWith() == null ? -1
                : records.slot(rule.swappedWith(), rule.normalisation(), rule.region())).toArray();
        partnerRules = ordered.stream().mapToInt(this::partner).toArray();
        mostStillPossible = new double[ordered.size() + 1];
        for (int i = ordered.size() - 1; i >= 0; i--) {
            mostStillPossible[i] = mostStillPossible[i + 1] + Math.max(0, ordered.get(i).agree());
        }
        orderedPositions = rules.rules().stream().mapToInt(ordered::indexOf).toArray();
    }

    /**
     * A record's values as the rules compare them, in a block: the words of a value its rule compares as tokens split
     * once here rather than for each pair it is in.
     *
     * @param words per rule in {@link #ordered}: the value's words when the rule compares tokens, else null
     */
    private record Compared(String[] values, Similarity.Words[] words) {
    }

    private Compared compared(String[] values) {
        Similarity.Words[] words = new Similarity.Words[ordered.size()];
        for (int rule = 0; rule < words.length; rule++) {
            String value = values[fieldSlots[rule]];
            if (ordered.get(rule).similarity() == Similarity.TOKENS && swappedSlots[rule] < 0 && value != null) {
                words[rule] = Similarity.Words.of(value);
            }
        }
        return new Compared(values, words);
    }

    /** The position in {@link #ordered} of the rule comparing this rule's swapped field, swapped with it, or -1. */
    private int partner(MatchRule rule) {
        for (int other = 0; other < ordered.size(); other++) {
            MatchRule candidate = ordered.get(other);
            if (candidate.field().equals(rule.swappedWith()) && rule.field().equals(candidate.swappedWith())
                    && candidate.normalisation() == rule.normalisation() && candidate.similarity() == rule.similarity()) {
                return other;
            }
        }
        return -1;
    }

    /** Adds a record: its id and its fields by target field name (the mapped values). */
    public void add(String id, Map<String, String> fields) {
        if (records.size() == MAX_RECORDS) {
            throw new IllegalStateException("at most " + MAX_RECORDS + " records are matched at once");
        }
        records.add(id, fields);
    }

    public Matches find() {
        ConcurrentLinkedQueue<ScoredPair> found = new ConcurrentLinkedQueue<>();
        long[] comparisonsByPass = new long[records.passes()];
        int skippedBlocks = 0;
        for (int pass = 0; pass < records.passes(); pass++) {
            long[] sorted = sortedByKey(pass);
            List<int[]> blocks = new ArrayList<>();
            for (int start = 0, end; start < sorted.length; start = end) {
                end = start + 1;
                while (end < sorted.length && sorted[end] >>> POSITION_BITS == sorted[start] >>> POSITION_BITS) {
                    end++;
                }
                if (end - start > rules.maxBlockSize()) {
                    skippedBlocks++;
                    for (int i = start; i < end; i++) {
                        records.dropKey(pass, position(sorted[i]));
                    }
                } else if (end - start > 1) {
                    blocks.add(new int[] {start, end});
                }
            }
            int currentPass = pass;
            comparisonsByPass[pass] = blocks.parallelStream()
                    .mapToLong(block -> scoreBlock(currentPass, sorted, block[0], block[1], found)).sum();
        }
        List<ScoredPair> pairs = found.stream()
                .sorted(Comparator.comparingInt(ScoredPair::first).thenComparingInt(ScoredPair::second)).toList();
        return new Matches(records.size(), pairs, clusters(pairs), comparisonsByPass, skippedBlocks);
    }

    /** The records having a key in the pass, as (key hash, position) in one long each, sorted. */
    private long[] sortedByKey(int pass) {
        long[] entries = new long[records.size()];
        int count = 0;
        for (int record = 0; record < records.size(); record++) {
            long key = records.key(pass, record);
            if (key != PreparedRecords.NO_KEY) {
                entries[count++] = (key & -1L << POSITION_BITS) | record;
            }
        }
        long[] sorted = Arrays.copyOf(entries, count);
        Arrays.sort(sorted);
        return sorted;
    }

    private static int position(long entry) {
        return (int) (entry & (1L << POSITION_BITS) - 1);
    }

    /** Scores the pairs of one block; returns how many it scored. */
    private long scoreBlock(int pass, long[] sorted, int start, int end, ConcurrentLinkedQueue<ScoredPair> found) {
        int[] positions = new int[end - start];
        Compared[] values = new Compared[end - start];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = position(sorted[start + i]);
            values[i] = compared(records.values(positions[i]));
        }
        long scored = 0;
        double[] similarities = new double[ordered.size()];
        for (int i = 0; i < positions.length; i++) {
            for (int j = i + 1; j < positions.length; j++) {
                int a = Math.min(positions[i], positions[j]);
                int b = Math.max(positions[i], positions[j]);
                // a shortened hash can put two keys in one block: the full keys decide
                if (records.key(pass, a) != records.key(pass, b) || scoredInEarlierPass(pass, a, b)) {
                    continue;
                }
                scored++;
                Compared first = positions[i] == a ? values[i] : values[j];
                Compared second = positions[i] == a ? values[j] : values[i];
                Arrays.fill(similarities, UNKNOWN);
                double score = score(first, second, similarities);
                if (score >= rules.threshold()) {
                    found.add(new ScoredPair(a, b, first.values()[0], second.values()[0], score, matchedFields(similarities)));
                }
            }
        }
        return scored;
    }

    private boolean scoredInEarlierPass(int pass, int a, int b) {
        for (int earlier = 0; earlier < pass; earlier++) {
            long key = records.key(earlier, a);
            if (key != PreparedRecords.NO_KEY && key == records.key(earlier, b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pair's score; for a pair that cannot reach the threshold, a bound below it. Leaves the similarities it worked
     * out in {@code similarities}: every rule's, when the pair reaches the threshold.
     */
    private double score(Compared a, Compared b, double[] similarities) {
        double score = 0;
        for (int rule = 0; rule < ordered.size(); rule++) {
            if (score + mostStillPossible[rule] < rules.threshold()) {
                return score + mostStillPossible[rule];
            }
            score += points(rule, a, b, similarities);
        }
        return score;
    }

    private double points(int rule, Compared a, Compared b, double[] similarities) {
        if (similarities[rule] == UNKNOWN) {
            if (swappedSlots[rule] >= 0) {
                compareSwappable(rule, a.values(), b.values(), similarities);
            } else {
                // below similarAbove every similarity is worth the same points: no need to know it exactly
                double floor = Math.min(ordered.get(rule).similarAbove(), 1);
                Similarity.Words wordsOfA = a.words()[rule];
                Similarity.Words wordsOfB = b.words()[rule];
                similarities[rule] = wordsOfA != null && wordsOfB != null ? Similarity.tokens(wordsOfA, wordsOfB, floor)
                        : similarity(ordered.get(rule).similarity(), a.values()[fieldSlots[rule]],
                                b.values()[fieldSlots[rule]], floor);
            }
        }
        return points(rule, similarities);
    }

    private double points(int rule, double[] similarities) {
        return Double.isNaN(similarities[rule]) ? 0 : ordered.get(rule).points(similarities[rule]);
    }

    /**
     * A rule with a swapped field (first and last name) and its partner rule, compared once for both: straight, or
     * crossed when the two fields of the two records match better in each other's columns. Both rules take the same
     * side, so one name shared by chance ("Thomas Cross", "Anna Thomas") is not counted twice, once each way.
     */
    private void compareSwappable(int rule, String[] a, String[] b, double[] similarities) {
        Similarity similarity = ordered.get(rule).similarity();
        int field = fieldSlots[rule];
        int swapped = swappedSlots[rule];
        double fieldToField = similarity(similarity, a[field], b[field]);
        double swappedToSwapped = similarity(similarity, a[swapped], b[swapped]);
        double straight = orZero(fieldToField) + orZero(swappedToSwapped);
        boolean crossed = false;
        double fieldToSwapped = MISSING;
        double swappedToField = MISSING;
        if (straight < 2) {
            fieldToSwapped = similarity(similarity, a[field], b[swapped]);
            swappedToField = similarity(similarity, a[swapped], b[field]);
            crossed = orZero(fieldToSwapped) + orZero(swappedToField) > straight;
        }
        similarities[rule] = crossed ? fieldToSwapped : fieldToField;
        if (partnerRules[rule] >= 0) {
            similarities[partnerRules[rule]] = crossed ? swappedToField : swappedToSwapped;
        }
    }

    /** The similarity of two values, or {@link #MISSING} when either is missing. */
    private static double similarity(Similarity similarity, String a, String b) {
        return similarity(similarity, a, b, 0);
    }

    /** {@link Similarity#of(String, String, double)}, or {@link #MISSING} when either value is missing. */
    private static double similarity(Similarity similarity, String a, String b, double floor) {
        return a == null || b == null ? MISSING : similarity.of(a, b, floor);
    }

    private static double orZero(double similarity) {
        return Double.isNaN(similarity) ? 0 : similarity;
    }

    /** The fields whose rules added points, from the similarities of a pair that reached the threshold. */
    private List<String> matchedFields(double[] similarities) {
        Set<String> matched = new LinkedHashSet<>();
        for (int rule : orderedPositions) {
            if (points(rule, similarities) > 0) {
                matched.add(ordered.get(rule).field());
            }
        }
        return List.copyOf(matched);
    }

    private List<DuplicateCluster> clusters(List<ScoredPair> pairs) {
        UnionFind sets = new UnionFind(records.size());
        pairs.forEach(pair -> sets.union(pair.first(), pair.second()));
        Map<Integer, List<ScoredPair>> byRoot = new LinkedHashMap<>();
        for (ScoredPair pair : pairs) {
            byRoot.computeIfAbsent(sets.root(pair.first()), root -> new ArrayList<>()).add(pair);
        }
        List<DuplicateCluster> clusters = new ArrayList<>();
        for (List<ScoredPair> linked : byRoot.values()) {
            int[] members = linked.stream().flatMapToInt(pair -> IntStream.of(pair.first(), pair.second()))
                    .distinct().sorted().toArray();
            Set<String> matched = new LinkedHashSet<>();
            linked.forEach(pair -> matched.addAll(pair.matchedFields()));
            clusters.add(new DuplicateCluster(members, Arrays.stream(members).mapToObj(records::id).toList(),
                    linked.stream().mapToDouble(ScoredPair::score).min().orElseThrow(), List.copyOf(matched)));
        }
        clusters.sort(Comparator.comparingInt(cluster -> cluster.records()[0]));
        return clusters;
    }
}
