package io.cutover.dedup;

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

    private static final double SIMILAR_WORD = 0.9;

    double of(String a, String b) {
        return of(a, b, 0);
    }

    /**
     * The similarity when it is at least {@code floor}; below it, some value below {@code floor} that is at least the
     * similarity. A rule turns every similarity below its {@code similarAbove} into the same points, so the edit
     * distance stops once it exceeds what the floor allows, and the words of {@link #TOKENS} once the words left
     * cannot lift them to it.
     */
    double of(String a, String b, double floor) {
        if (a.equals(b)) {
            return 1;
        }
        return switch (this) {
            case EXACT -> 0;
            case JARO_WINKLER -> StringMetrics.jaroWinkler(a, b);
            case LEVENSHTEIN -> levenshtein(a, b, floor);
            case TOKENS -> tokens(Words.of(a), Words.of(b), floor);
        };
    }

    /** A value compared as {@link #TOKENS}: its words, and its letters run together, split once per record. */
    record Words(String text, String[] words, String runTogether) {

        static Words of(String text) {
            return new Words(text, text.split(" "), text.replace(" ", ""));
        }
    }

    /** {@link #TOKENS}' similarity, with a floor as {@link #of(String, String, double)}. */
    static double tokens(Words a, Words b, double floor) {
        if (a.text().equals(b.text())) {
            return 1;
        }
        double words = words(a.words(), b.words(), floor);
        // the larger of the two counts: run together, the values need only be as close as the words already are
        return Math.max(words, levenshtein(a.runTogether(), b.runTogether(), Math.max(floor, words)));
    }

    private static double levenshtein(String a, String b, double floor) {
        int longer = Math.max(a.length(), b.length());
        int mostEdits = mostEdits(longer, floor);
        int distance = StringMetrics.levenshtein(a, b, mostEdits);
        return distance < 0 ? similarity(mostEdits + 1, longer) : similarity(distance, longer);
    }

    /** The most edits that leave two values of which the longer has {@code longer} characters at least {@code floor}. */
    static int mostEdits(int longer, double floor) {
        int edits = Math.max(0, Math.min(longer, (int) Math.floor((1 - floor) * longer)));
        // the rounding of the product either way: the similarity's own arithmetic decides
        while (edits < longer && similarity(edits + 1, longer) >= floor) {
            edits++;
        }
        while (edits > 0 && similarity(edits, longer) < floor) {
            edits--;
        }
        return edits;
    }

    private static double similarity(int edits, int longer) {
        return 1 - (double) edits / longer;
    }

    /**
     * The words of each value matched to their most similar word on the other side; stops, returning a bound below
     * {@code floor}, once even words left all matching in full could not reach it.
     */
    private static double words(String[] left, String[] right, double floor) {
        int words = Math.max(left.length, right.length);
        double matched = 0;
        for (int word = 0; word < left.length; word++) {
            double best = 0;
            for (String other : right) {
                best = Math.max(best, StringMetrics.jaroWinkler(left[word], other));
            }
            if (best >= SIMILAR_WORD) {
                matched += best;
            }
            // added as the remaining words would add, so that rounding never puts the bound under the true value
            double most = matched;
            for (int rest = word + 1; rest < left.length; rest++) {
                most += 1;
            }
            if (most / words < floor) {
                return most / words;
            }
        }
        return matched / words;
    }
}
