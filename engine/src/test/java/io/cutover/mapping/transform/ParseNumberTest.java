package io.cutover.mapping.transform;

import static io.cutover.mapping.transform.Chains.apply;
import static io.cutover.mapping.transform.Chains.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParseNumberTest {

    @Test
    void eachLanguageWritesItsOwnSeparators() throws Rejection {
        assertThat(apply("[{number: fr}]", "1 234,56")).isEqualTo("1234.56");
        assertThat(apply("[{number: fr}]", "1\u00a0234,56")).as("no-break space").isEqualTo("1234.56");
        assertThat(apply("[{number: fr}]", "1\u202f234\u202f567,5")).as("narrow no-break space").isEqualTo("1234567.5");
        assertThat(apply("[{number: fi}]", "1 234,56")).isEqualTo("1234.56");
        assertThat(apply("[{number: ro}]", "1.234,56")).isEqualTo("1234.56");
        assertThat(apply("[{number: en-US}]", "1,234.56")).isEqualTo("1234.56");
        assertThat(apply("[{number: en}]", "-42")).isEqualTo("-42");
        assertThat(apply("[{number: ro}]", "0,5")).isEqualTo("0.5");
    }

    @Test
    void currencySymbolsAreDropped() throws Rejection {
        assertThat(apply("[{number: fr}]", "1 234,56 €")).isEqualTo("1234.56");
        assertThat(apply("[{number: en-US}]", "$1,234.56")).isEqualTo("1234.56");
    }

    @Test
    void aNumberWrittenForAnotherLanguageIsRejectedNotMisread() {
        assertThat(rejection("[{number: en}]", "1.234,56").reasonCode()).isEqualTo("INVALID_NUMBER");
        assertThat(rejection("[{number: ro}]", "1,234.56").reasonCode()).isEqualTo("INVALID_NUMBER");
        assertThat(rejection("[{number: en}]", "12,34").reasonCode()).isEqualTo("INVALID_NUMBER");
        assertThat(rejection("[{number: en}]", "1 234.56").reasonCode()).isEqualTo("INVALID_NUMBER");
        assertThat(rejection("[{number: fr}]", "douze").reasonCode()).isEqualTo("INVALID_NUMBER");
    }

    @Test
    void theLanguageIsRequired() {
        assertThat(Chains.problems("[number]")).contains("fields.F.transforms[0].number: missing setting 'locale'");
    }
}
