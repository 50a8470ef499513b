package io.cutover.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.mapping.FieldRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SOQL a find asks with: the values as SOQL string literals, the mapping's condition kept apart. */
class EnricherQueryTest {

    @Test
    void valuesAreQuotedAsSoqlLiteralsAndTheConditionIsBracketed() {
        FieldRule.Find owner = new FieldRule.Find(null, "User", "Email", "IsActive = true OR Department = 'Ventes'",
                FieldRule.WhenNotFound.REJECT, null);

        assertThat(Enricher.soql(owner, List.of("aoife.o'sullivan@cutover-demo.ie", "ana.popescu@cutover-demo.ro")))
                .isEqualTo("SELECT Id, Email FROM User WHERE Email IN ('aoife.o\\'sullivan@cutover-demo.ie', "
                        + "'ana.popescu@cutover-demo.ro') AND (IsActive = true OR Department = 'Ventes')");
        assertThat(Enricher.literal("C:\\export\n")).isEqualTo("'C:\\\\export\\n'");
    }
}
