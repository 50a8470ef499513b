package io.cutover.dedup;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Precision, recall and F1 of found duplicates against the known ones, counted in pairs: a cluster of n records
 * counts its n(n-1)/2 pairs, each right when the truth has it.
 */
public record MatchQuality(long truePairs, long foundPairs, long rightPairs) {

    /** Which pairs of records (by position) are really duplicates. */
    public interface Truth {

        boolean duplicates(int first, int second);

        long pairs();

        /** Per record position, a hash of its entity's label (a cluster column), 0 for a record of no entity. */
        static Truth ofLabels(long[] labels) {
            long[] sorted = labels.clone();
            Arrays.sort(sorted);
            long pairs = 0;
            for (int start = 0, end; start < sorted.length; start = end) {
                end = start + 1;
                while (end < sorted.length && sorted[end] == sorted[start]) {
                    end++;
                }
                long size = end - start;
                pairs += sorted[start] == 0 ? 0 : size * (size - 1) / 2;
            }
            long truePairs = pairs;
            return new Truth() {
                @Override
                public boolean duplicates(int first, int second) {
                    return labels[first] != 0 && labels[first] == labels[second];
                }

                @Override
                public long pairs() {
                    return truePairs;
                }
            };
        }

        /** A list of duplicate pairs of record ids, with the position of each id. */
        static Truth ofPairs(List<String[]> idPairs, Map<String, Integer> positions) {
            Set<Long> pairs = new HashSet<>();
            for (String[] pair : idPairs) {
                Integer first = positions.get(pair[0]);
                Integer second = positions.get(pair[1]);
                if (first == null || second == null) {
                    throw new IllegalArgumentException("true pair " + pair[0] + ", " + pair[1] + ": no record has this id");
                }
                pairs.add(key(first, second));
            }
            return new Truth() {
                @Override
                public boolean duplicates(int first, int second) {
                    return pairs.contains(key(first, second));
                }

                @Override
                public long pairs() {
                    return pairs.size();
                }
            };
        }

        private static long key(int first, int second) {
            return (long) Math.min(first, second) << 32 | Math.max(first, second);
        }
    }

    public static MatchQuality ofClusters(List<DuplicateCluster> clusters, Truth truth) {
        long found = 0;
        long right = 0;
        for (DuplicateCluster cluster : clusters) {
            int[] records = cluster.records();
            for (int i = 0; i < records.length; i++) {
                for (int j = i + 1; j < records.length; j++) {
                    found++;
                    right += truth.duplicates(records[i], records[j]) ? 1 : 0;
                }
            }
        }
        return new MatchQuality(truth.pairs(), found, right);
    }

    public static MatchQuality ofPairs(List<ScoredPair> pairs, Truth truth) {
        long right = pairs.stream().filter(pair -> truth.duplicates(pair.first(), pair.second())).count();
        return new MatchQuality(truth.pairs(), pairs.size(), right);
    }

    public double precision() {
        return foundPairs == 0 ? 1 : (double) rightPairs / foundPairs;
    }

    public double recall() {
        return truePairs == 0 ? 1 : (double) rightPairs / truePairs;
    }

    public double f1() {
        double precision = precision();
        double recall = recall();
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
