package io.cutover.mapping.transform;

import static io.cutover.mapping.transform.Chains.apply;
import static io.cutover.mapping.transform.Chains.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParseBooleanTest {

    @Test
    void yesAndNoInEnglishFrenchRomanianAndFinnish() throws Rejection {
        for (String yes : new String[] {"yes", "Yes", "TRUE", "1", "oui", "Oui", "da", "DA", "kyllä", "KYLLÄ", "kylla\u0308"}) {
            assertThat(apply("[boolean]", yes)).as(yes).isEqualTo("true");
        }
        for (String no : new String[] {"no", "false", "0", "non", "NON", "nu", "Nu", "ei", "EI"}) {
            assertThat(apply("[boolean]", no)).as(no).isEqualTo("false");
        }
    }

    @Test
    void anythingElseIsRejected() {
        assertThat(rejection("[boolean]", "peut-être").reasonCode()).isEqualTo("INVALID_BOOLEAN");
        assertThat(rejection("[boolean]", "ehkä").reasonCode()).isEqualTo("INVALID_BOOLEAN");
    }
}
