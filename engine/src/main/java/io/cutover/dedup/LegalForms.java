package io.cutover.dedup;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Company legal forms, which say nothing about which company a name means: "Acme SARL" and "ACME" are one company
 * to a person reading them, and two names to a string comparison. Tokens as {@link Normalisation#TEXT} leaves them
 * (lower case, dots removed: "S.A." is "sa").
 */
final class LegalForms {

    private static final Set<String> TOKENS = Set.of(
            "sa", "srl", "sas", "sasu", "sarl", "eurl", "sca", "snc", "scs", "sci", "scop",
            "oy", "oyj", "ab", "publ", "as", "asa", "aps", "hf", "ehf",
            "gmbh", "ag", "kg", "ohg", "ug", "mbh", "eg", "ev", "kgaa",
            "ltd", "limited", "plc", "llp", "lp", "inc", "incorporated", "llc", "corp", "corporation", "co", "company",
            "pty", "bv", "nv", "vof", "bvba", "sprl", "spa", "sapa", "sl", "slu", "sll",
            "lda", "ltda", "kk", "kft", "zrt", "nyrt", "sro", "spol", "zoo", "doo", "dd", "ad", "ood", "ooo", "pjsc");

    private LegalForms() {
    }

    static boolean isLegalForm(String token) {
        return TOKENS.contains(token);
    }

    /** The name's tokens without its legal forms; the name itself when it is nothing but legal forms ("AB"). */
    static String strip(String normalisedName) {
        String stripped = Arrays.stream(normalisedName.split(" ")).filter(token -> !isLegalForm(token))
                .collect(Collectors.joining(" "));
        return stripped.isEmpty() ? normalisedName : stripped;
    }
}
