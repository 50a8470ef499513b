package io.cutover.mapping.transform;

import static io.cutover.mapping.transform.Chains.apply;
import static io.cutover.mapping.transform.Chains.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueMapAndLookupTest {

    private static final String INDUSTRY = "{map: {values: {'Biotechnology: Laboratory Analytical Instruments': Biotechnology,"
            + " 'Major Banks': Banking}";

    @Test
    void aValueMapTranslatesLegacyValues() throws Rejection {
        assertThat(apply("[" + INDUSTRY + "}}]", "Biotechnology: Laboratory Analytical Instruments"))
                .isEqualTo("Biotechnology");
    }

    @Test
    void anUnlistedValueIsRejectedPassedOrDefaultedByPolicy() throws Rejection {
        Rejection rejection = rejection("[" + INDUSTRY + "}}]", "Tobacco");
        assertThat(rejection.reasonCode()).isEqualTo("UNMAPPED_VALUE");
        assertThat(apply("[" + INDUSTRY + ", unknown: pass}}]", "Tobacco")).isEqualTo("Tobacco");
        assertThat(apply("[" + INDUSTRY + ", unknown: default, default: Other}}]", "Tobacco")).isEqualTo("Other");
    }

    @Test
    void theDefaultPolicyNeedsADefault() {
        assertThat(Chains.problems("[" + INDUSTRY + ", unknown: default}}]"))
                .contains("fields.F.transforms[0].map: missing setting 'default'");
        assertThat(Chains.problems("[" + INDUSTRY + ", unkown: pass}}]"))
                .contains("fields.F.transforms[0].map: unknown setting 'unkown'");
    }

    @Test
    void aLookupReadsACsvTableNextToTheMappingFile(@TempDir Path dir) throws IOException, Rejection {
        Files.writeString(dir.resolve("owners.csv"), "legacy_owner,user_id,name\njdupont,005000000000001AAA,Jean Dupont\n"
                + "apopescu,005000000000002AAA,Ana Popescu\n");
        TransformChain chain = Chains.parse(dir.resolve("account.yaml"),
                "[{lookup: {table: owners.csv, key: legacy_owner, value: user_id, unknown: reject}}]");
        assertThat(chain.apply("apopescu", Map.of())).isEqualTo("005000000000002AAA");
        try {
            chain.apply("mvirtanen", Map.of());
        } catch (Rejection rejection) {
            assertThat(rejection.reasonCode()).isEqualTo("UNMAPPED_VALUE");
            assertThat(rejection.getMessage()).contains("owners.csv");
            return;
        }
        throw new AssertionError("an owner the table does not list must be rejected");
    }

    @Test
    void aLookupReadsAYamlTable(@TempDir Path dir) throws IOException, Rejection {
        Files.writeString(dir.resolve("owners.yaml"), "jdupont: 005000000000001AAA\n");
        TransformChain chain = Chains.parse(dir.resolve("account.yaml"),
                "[{lookup: {table: owners.yaml, unknown: default, default: 005000000000009AAA}}]");
        assertThat(chain.apply("jdupont", Map.of())).isEqualTo("005000000000001AAA");
        assertThat(chain.apply("mvirtanen", Map.of())).isEqualTo("005000000000009AAA");
    }

    @Test
    void aMissingTableStopsTheStart() {
        assertThat(Chains.problems("[{lookup: {table: nowhere.csv, key: a, value: b}}]"))
                .contains("fields.F.transforms[0].lookup: table: ").contains("nowhere.csv does not exist");
    }
}
