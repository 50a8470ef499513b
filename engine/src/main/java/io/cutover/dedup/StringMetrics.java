package io.cutover.dedup;

import java.util.Arrays;

/**
 * The edit distance and Jaro-Winkler over a string's chars. commons-text 1.15 computes both over boxed characters
 * ({@code SimilarityInput<Character>}, an object and an {@code equals} call per pair of characters compared), which
 * made them most of the duplicate review's time; these give the same numbers, to the bit (BoundedSimilarityTest
 * compares them with commons-text's on random strings), and the distance stops once it exceeds what the caller needs.
 */
final class StringMetrics {

    private static final double SCALING_FACTOR = 0.1;

    private StringMetrics() {
    }

    /**
     * The Levenshtein distance of two strings when it is at most {@code most}, else -1. Only the cells of the band
     * {@code |i - j| <= most} are computed (a cell outside it is more than {@code most} already), and the rows stop
     * once none of a row's cells is within {@code most}.
     */
    static int levenshtein(String a, String b, int most) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        int n = shorter.length();
        int m = longer.length();
        if (m - n > most) {
            return -1;
        }
        if (n == 0) {
            return m;
        }
        // any value above most stands for every such value: the distance is only wanted up to most
        int tooMany = most + 1;
        int[] previous = new int[n + 1];
        int[] current = new int[n + 1];
        // the cells right of a row's band are never written: read by the next row, they must say too many
        Arrays.fill(current, tooMany);
        for (int i = 0; i <= n; i++) {
            previous[i] = Math.min(i, tooMany);
        }
        for (int j = 1; j <= m; j++) {
            char c = longer.charAt(j - 1);
            int from = Math.max(1, j - most);
            int to = Math.min(n, j + most);
            current[from - 1] = from == 1 ? Math.min(j, tooMany) : tooMany;
            int rowLeast = current[from - 1];
            for (int i = from; i <= to; i++) {
                int substitution = previous[i - 1] + (shorter.charAt(i - 1) == c ? 0 : 1);
                int cell = Math.min(Math.min(current[i - 1], previous[i]) + 1, substitution);
                current[i] = Math.min(cell, tooMany);
                rowLeast = Math.min(rowLeast, current[i]);
            }
            if (rowLeast > most) {
                return -1;
            }
            int[] done = previous;
            previous = current;
            current = done;
        }
        return previous[n] > most ? -1 : previous[n];
    }

    /** Jaro-Winkler as commons-text's {@code JaroWinklerSimilarity} computes it, operation for operation. */
    static double jaroWinkler(String left, String right) {
        if (left.equals(right)) {
            return 1;
        }
        String max = left.length() > right.length() ? left : right;
        String min = max == left ? right : left;
        int range = Math.max(max.length() / 2 - 1, 0);
        int[] matchIndexes = new int[min.length()];
        boolean[] matchFlags = new boolean[max.length()];
        int matches = 0;
        for (int mi = 0; mi < min.length(); mi++) {
            matchIndexes[mi] = -1;
            char c = min.charAt(mi);
            for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, max.length()); xi < xn; xi++) {
                if (!matchFlags[xi] && c == max.charAt(xi)) {
                    matchIndexes[mi] = xi;
                    matchFlags[xi] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        // the matched characters of each side in their order, compared pairwise
        int halfTranspositions = 0;
        for (int mi = 0, xi = 0; mi < min.length(); mi++) {
            if (matchIndexes[mi] != -1) {
                while (!matchFlags[xi]) {
                    xi++;
                }
                if (min.charAt(mi) != max.charAt(xi)) {
                    halfTranspositions++;
                }
                xi++;
            }
        }
        int prefix = 0;
        for (int i = 0; i < Math.min(4, min.length()); i++) {
            if (left.charAt(i) != right.charAt(i)) {
                break;
            }
            prefix++;
        }
        double m = matches;
        double j = (m / left.length() + m / right.length() + (m - (double) halfTranspositions / 2) / m) / 3;
        return j < 0.7d ? j : j + SCALING_FACTOR * prefix * (1d - j);
    }
}
