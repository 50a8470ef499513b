package io.cutover.dedup;

/**
 * One field compared between two records, and what its agreement is worth: {@code agree} points when the values are
 * the same, {@code disagree} points (usually negative) when their similarity is below {@code similarAbove}, and in
 * between a share of the way from one to the other in proportion to the similarity. A value missing on either side
 * adds nothing: an empty field is no evidence either way.
 *
 * @param swappedWith the field this one may be written in instead (first and last names in each other's columns):
 *     when the two fields of two records match better crossed than straight, each is compared with the other's
 *     swapped field; null when none
 * @param region the phone numbering region of {@link Normalisation#PHONE}, or null
 */
public record MatchRule(String field, String swappedWith, Normalisation normalisation, String region, Similarity similarity,
        double similarAbove, double agree, double disagree) {

    double points(double similarityOfValues) {
        if (similarityOfValues >= 1) {
            return agree;
        }
        if (similarityOfValues < similarAbove || similarAbove >= 1) {
            return disagree;
        }
        return disagree + (agree - disagree) * (similarityOfValues - similarAbove) / (1 - similarAbove);
    }
}
