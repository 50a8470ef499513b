package io.cutover.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The normalisations and similarities the rules are made of, and how a rule turns a similarity into points. */
class ComparatorsTest {

    @Test
    void companyNamesAreComparedWithoutTheirLegalForms() {
        assertThat(Normalisation.COMPANY.apply("ACME S.A.", null)).isEqualTo("acme");
        assertThat(Normalisation.COMPANY.apply("Müller GmbH & Co. KG", null)).isEqualTo("muller");
        assertThat(Normalisation.COMPANY.apply("Nokia Oyj", null)).isEqualTo(Normalisation.COMPANY.apply("NOKIA", null));
        assertThat(Normalisation.COMPANY.apply("Volvo AB (publ)", null)).isEqualTo("volvo");
        assertThat(Normalisation.COMPANY.apply("Dupont et Fils SARL", null)).isEqualTo("dupont et fils");
        // a name that is only a legal form keeps it: nothing else would be left to compare
        assertThat(Normalisation.COMPANY.apply("A.B.", null)).isEqualTo("ab");
        assertThat(Similarity.TOKENS.of(Normalisation.COMPANY.apply("Globex Holdings Ltd", null),
                Normalisation.COMPANY.apply("GLOBEX HOLDINGS, Inc.", null))).isEqualTo(1);
    }

    @Test
    void phonesAreEqualInE164HoweverTheyAreWritten() {
        String e164 = Normalisation.PHONE.apply("+33 1 42 68 53 00", null);

        assertThat(e164).isEqualTo("+33142685300");
        assertThat(Normalisation.PHONE.apply("+33142685300", null)).isEqualTo(e164);
        assertThat(Normalisation.PHONE.apply("(+33) 1.42.68.53.00", null)).isEqualTo(e164);
        assertThat(Normalisation.PHONE.apply("01 42 68 53 00", "FR")).isEqualTo(e164);
        // without a region a national number cannot be read: its digits are compared
        assertThat(Normalisation.PHONE.apply("01 42 68 53 00", null)).isEqualTo("0142685300");
        assertThat(Similarity.EXACT.of(e164, Normalisation.PHONE.apply("+33 1 42 68 53 01", null))).isZero();
    }

    @Test
    void emailsIdsAndDatesAreComparedInOneForm() {
        assertThat(Normalisation.EMAIL.apply(" Jane.Doe@Example.COM ", null)).isEqualTo("jane.doe@example.com");
        assertThat(Normalisation.ID.apply("756.1234.5678.97", null)).isEqualTo(Normalisation.ID.apply("7561234567897", null));
        assertThat(Normalisation.DATE.apply("1983-05-19", null)).isEqualTo(Normalisation.DATE.apply("19830519", null));
        assertThat(Normalisation.TEXT.apply("  Zoë  O'Neil ", null)).isEqualTo("zoe o neil");
        assertThat(Normalisation.TEXT.apply(" ", null)).isNull();
    }

    @Test
    void aJaroWinklerRuleAgreesAboveItsThresholdAndDisagreesBelow() {
        MatchRule lastName = new MatchRule("LastName", null, Normalisation.TEXT, null, Similarity.JARO_WINKLER, 0.85, 5, -3);

        assertThat(Similarity.JARO_WINKLER.of("martha", "marhta")).isCloseTo(0.961, within(0.001));
        assertThat(lastName.points(Similarity.JARO_WINKLER.of("martha", "martha"))).isEqualTo(5);
        assertThat(lastName.points(Similarity.JARO_WINKLER.of("martha", "marhta"))).isStrictlyBetween(0.0, 5.0);
        assertThat(Similarity.JARO_WINKLER.of("dixon", "dicksonx")).isBetween(0.8, 0.85);
        assertThat(lastName.points(Similarity.JARO_WINKLER.of("dixon", "dicksonx"))).isEqualTo(-3);
        // from disagree at the threshold to agree at 1, in proportion
        assertThat(lastName.points(0.85)).isEqualTo(-3);
        assertThat(lastName.points(0.925)).isCloseTo(1, within(1e-9));
    }

    @Test
    void levenshteinCountsEditsOverTheLongerValue() {
        assertThat(Similarity.LEVENSHTEIN.of("19830519", "19830591")).isEqualTo(0.75);
        assertThat(Similarity.LEVENSHTEIN.of("2000", "2010")).isEqualTo(0.75);
    }

    @Test
    void tokensMatchWordsInAnyOrderAndWordsRunTogether() {
        assertThat(Similarity.TOKENS.of("177 pridham street", "pridham street 177")).isEqualTo(1);
        assertThat(Similarity.TOKENS.of("177 pridham street", "177 pridhamstreet")).isGreaterThan(0.95);
        assertThat(Similarity.TOKENS.of("12 rue de la paix", "12 rue de rivoli")).isLessThan(0.85);
    }
}
