package io.cutover.dedup;

import java.util.Arrays;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** How alike two normalised values are, from 0 (nothing in common) to 1 (the same). */
public enum Similarity {

    /** 1 when equal, else 0. */
    EXACT,
    /** Jaro-Winkler: forgiving of typos, more so near the end of a word; for names. */
    JARO_WINKLER,
    /** 1 - edit distance / longer length; for codes and dates, where one wrong character is one typo. */
    LEVENSHTEIN,
    /**
     * Words in any order, each matched to its most similar word on the other side (Jaro-Winkler ≥ 0.9 counts), over
     * the longer side's number of words; or the two values without spaces compared by Levenshtein, when that is
     * closer ("pridhamstreet" and "pridham street"). For addresses and company names.
     */
    TOKENS;

    private static final JaroWinklerSimilarity JARO_WINKLER_SIMILARITY = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN_DISTANCE = LevenshteinDistance.getDefaultInstance();
    private static final double SIMILAR_WORD = 0.9;

    double of(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        return switch (this) {
            case EXACT -> 0;
            case JARO_WINKLER -> JARO_WINKLER_SIMILARITY.apply(a, b);
            case LEVENSHTEIN -> levenshtein(a, b);
            case TOKENS -> Math.max(words(a, b), levenshtein(a.replace(" ", ""), b.replace(" ", "")));
        };
    }

    private static double levenshtein(String a, String b) {
        return 1 - (double) LEVENSHTEIN_DISTANCE.apply(a, b) / Math.max(a.length(), b.length());
    }

    private static double words(String a, String b) {
        String[] left = a.split(" ");
        String[] right = b.split(" ");
        double matched = 0;
        for (String word : left) {
            double best = Arrays.stream(right).mapToDouble(other -> JARO_WINKLER_SIMILARITY.apply(word, other)).max().orElse(0);
            if (best >= SIMILAR_WORD) {
                matched += best;
            }
        }
        return matched / Math.max(left.length, right.length);
    }
}
