package io.cutover.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;

/**
 * The similarities with a floor (the edit distance stopped once it exceeds what the floor allows, the words once the
 * rest cannot reach it) against the plain ones, on random values alike enough to fall on both sides of the floors:
 * at or above the floor the same value to the bit, below it a value below the floor and not below the similarity. The
 * plain ones are commons-text's, which {@link StringMetrics} replaces.
 */
class BoundedSimilarityTest {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final String LETTERS = "aabcdeeilmnorst";
    private static final double[] FLOORS = {0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1};

    private final Random random = new Random(20261206);

    @Test
    void theBandedDistanceIsCommonsTextsUpToItsLimitAndMinusOneAbove() {
        int within = 0;
        int beyond = 0;
        for (int i = 0; i < 50_000; i++) {
            String a = text(random.nextInt(16), false);
            String b = random.nextInt(3) == 0 ? text(random.nextInt(16), false) : edited(a);
            int most = random.nextInt(8);
            int plain = LevenshteinDistance.getDefaultInstance().apply(a, b);
            int banded = StringMetrics.levenshtein(a, b, most);
            assertThat(banded).as("distance of '%s' and '%s', at most %d", a, b, most).isEqualTo(plain <= most ? plain : -1);
            if (plain <= most) {
                within++;
            } else {
                beyond++;
            }
        }
        assertThat(within).isGreaterThan(5_000);
        assertThat(beyond).isGreaterThan(5_000);
    }

    @Test
    void jaroWinklerOverCharsIsCommonsTextsToTheBit() {
        for (int i = 0; i < 50_000; i++) {
            String a = text(random.nextInt(16), random.nextBoolean());
            String b = random.nextInt(3) == 0 ? text(random.nextInt(16), false) : edited(a);
            assertThat(StringMetrics.jaroWinkler(a, b)).as("Jaro-Winkler of '%s' and '%s'", a, b)
                    .isEqualTo(JARO_WINKLER.apply(a, b));
        }
    }

    @Test
    void levenshteinWithAFloorIsThePlainOneAtOrAboveItAndBelowItBelow() {
        agreesWithThePlainOneOnBothSidesOfTheFloors(Similarity.LEVENSHTEIN, 14, false, 50_000);
    }

    @Test
    void tokensWithAFloorAreThePlainOnesAtOrAboveItAndBelowItBelow() {
        agreesWithThePlainOneOnBothSidesOfTheFloors(Similarity.TOKENS, 24, true, 30_000);
    }

    /** Random values, a tenth of them at least on each side of their floor, so that both sides are checked. */
    private void agreesWithThePlainOneOnBothSidesOfTheFloors(Similarity similarity, int longest, boolean words, int pairs) {
        int below = 0;
        for (int i = 0; i < pairs; i++) {
            String a = text(1 + random.nextInt(longest), words);
            String b = random.nextInt(3) == 0 ? text(1 + random.nextInt(longest), words) : edited(a);
            if (!agreesWithThePlainOne(similarity, a, b, FLOORS[random.nextInt(FLOORS.length)])) {
                below++;
            }
        }
        assertThat(below).as("pairs below their floor").isGreaterThan(pairs / 10);
        assertThat(pairs - below).as("pairs at or above their floor").isGreaterThan(pairs / 10);
    }

    @Test
    void theMostEditsAreTheLastCountStillAtTheFloor() {
        for (int longer = 1; longer <= 60; longer++) {
            for (double floor : FLOORS) {
                int edits = Similarity.mostEdits(longer, floor);
                assertThat(1 - (double) edits / longer).as("%d edits of %d at %s", edits, longer, floor)
                        .isGreaterThanOrEqualTo(floor);
                if (edits < longer) {
                    assertThat(1 - (double) (edits + 1) / longer).isLessThan(floor);
                }
            }
        }
        // 0.8 of 10 characters is 2 edits, although (1 - 0.8) * 10 is 1.9999999999999996
        assertThat(Similarity.mostEdits(10, 0.8)).isEqualTo(2);
    }

    /** Whether the plain similarity is at or above the floor; asserts that the one with the floor agrees with it. */
    private static boolean agreesWithThePlainOne(Similarity similarity, String a, String b, double floor) {
        double plain = similarity == Similarity.LEVENSHTEIN ? plainLevenshtein(a, b) : plainTokens(a, b);
        double bounded = similarity.of(a, b, floor);
        if (plain >= floor) {
            assertThat(bounded).as("%s of '%s' and '%s' with the floor %s", similarity, a, b, floor).isEqualTo(plain);
            return true;
        }
        assertThat(bounded).as("%s of '%s' and '%s' with the floor %s", similarity, a, b, floor)
                .isLessThan(floor).isGreaterThanOrEqualTo(plain);
        return false;
    }

    /** The edit distance over the longer length, with commons-text's full distance: the definition, nothing bounded. */
    private static double plainLevenshtein(String a, String b) {
        return 1 - (double) LevenshteinDistance.getDefaultInstance().apply(a, b) / Math.max(a.length(), b.length());
    }

    /** Every word against every word, and the full distance of the values run together: the definition. */
    private static double plainTokens(String a, String b) {
        String[] left = a.split(" ");
        String[] right = b.split(" ");
        double matched = 0;
        for (String word : left) {
            double best = Arrays.stream(right).mapToDouble(other -> JARO_WINKLER.apply(word, other)).max().orElse(0);
            if (best >= 0.9) {
                matched += best;
            }
        }
        return Math.max(matched / Math.max(left.length, right.length),
                plainLevenshtein(a.replace(" ", ""), b.replace(" ", "")));
    }

    private String text(int length, boolean words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            boolean space = words && i > 0 && text.charAt(text.length() - 1) != ' ' && i < length - 1
                    && random.nextInt(5) == 0;
            text.append(space ? ' ' : LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return text.toString();
    }

    /** The value with up to four random edits: a letter changed, added or removed, or two swapped. */
    private String edited(String value) {
        StringBuilder edited = new StringBuilder(value);
        for (int edits = random.nextInt(5); edits > 0; edits--) {
            int at = random.nextInt(edited.length() + 1);
            char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (at < edited.length()) {
                        edited.setCharAt(at, letter);
                    }
                }
                case 1 -> edited.insert(at, letter);
                case 2 -> {
                    if (at < edited.length() && edited.length() > 1) {
                        edited.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at + 1 < edited.length()) {
                        char first = edited.charAt(at);
                        edited.setCharAt(at, edited.charAt(at + 1));
                        edited.setCharAt(at + 1, first);
                    }
                }
            }
        }
        return edited.toString();
    }
}
