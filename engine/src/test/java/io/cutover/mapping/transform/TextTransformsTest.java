package io.cutover.mapping.transform;

import static io.cutover.mapping.transform.Chains.apply;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTransformsTest {

    @Test
    void trimRemovesUnicodeSpacesAndEmptiesBlankValues() throws Rejection {
        assertThat(apply("[trim]", "\u00a0 Ionescu\t")).isEqualTo("Ionescu");
        assertThat(apply("[trim]", " \u00a0 ")).isNull();
    }

    @Test
    void collapseMakesEveryRunOfWhiteSpaceOneSpace() throws Rejection {
        assertThat(apply("[collapse]", "  Société \u00a0 Générale\n SA ")).isEqualTo("Société Générale SA");
    }

    @Test
    void nfcComposesDecomposedAccents() throws Rejection {
        String decomposed = "Mu\u0308ller Ha\u0308meenlinna S\u0326tefan";
        assertThat(decomposed).hasSize(28);
        assertThat(apply("[nfc]", decomposed)).isEqualTo("Müller Hämeenlinna Ştefan".replace('Ş', 'Ș')).hasSize(25);
    }

    @Test
    void caseFollowsTheLanguage() throws Rejection {
        assertThat(apply("[{case: upper}]", "île-de-france")).isEqualTo("ÎLE-DE-FRANCE");
        assertThat(apply("[{case: {to: upper, locale: tr}}]", "istanbul")).isEqualTo("İSTANBUL");
        assertThat(apply("[{case: lower}]", "ÄÄNEKOSKI")).isEqualTo("äänekoski");
    }

    @Test
    void titleCaseStartsAWordAfterSpacesHyphensAndApostrophes() throws Rejection {
        assertThat(apply("[{case: title}]", "JEAN-PIERRE o'neil")).isEqualTo("Jean-Pierre O'Neil");
        assertThat(apply("[{case: {to: title, locale: ro}}]", "ștefan cel mare")).isEqualTo("Ștefan Cel Mare");
    }

    @Test
    void splitTakesTheLastWordAsLastNameAndTheRestAsFirstName() throws Rejection {
        assertThat(apply("[{split: first}]", "Jean Claude  Dupont")).isEqualTo("Jean Claude");
        assertThat(apply("[{split: last}]", "Jean Claude  Dupont")).isEqualTo("Dupont");
        assertThat(apply("[{split: first}]", "Madonna")).isNull();
        assertThat(apply("[{split: last}]", "Madonna")).isEqualTo("Madonna");
    }

    @Test
    void defaultFillsOnlyEmptyValues() throws Rejection {
        assertThat(apply("[trim, {default: Unknown}]", "  ")).isEqualTo("Unknown");
        assertThat(apply("[trim, {default: Unknown}]", "Virtanen")).isEqualTo("Virtanen");
    }

    @Test
    void truncateCutsToTheGivenLengthInCharactersNotBytes() throws Rejection {
        assertThat(apply("[{truncate: 5}]", "Hämeenlinna")).isEqualTo("Hämee");
        assertThat(apply("[{truncate: 5}]", "Oulu")).isEqualTo("Oulu");
    }

    @Test
    void chainsRunInOrder() throws Rejection {
        assertThat(apply("[trim, collapse, {case: title}]", "  ana   MARIA  ")).isEqualTo("Ana Maria");
        assertThat(apply("[{case: title}, trim]", "  ana   MARIA  ")).isEqualTo("Ana   Maria");
    }
}
