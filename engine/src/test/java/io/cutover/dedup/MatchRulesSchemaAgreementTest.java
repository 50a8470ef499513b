package io.cutover.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cutover.config.JsonSchemas;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The start-up check of match rules files and their JSON Schema reject the same broken files. */
class MatchRulesSchemaAgreementTest {

    @TestFactory
    Stream<DynamicTest> theStartUpCheckAndTheSchemaRejectEachBrokenFile() throws IOException {
        return JsonSchemas.brokenFiles("matching").stream().map(broken -> DynamicTest.dynamicTest(broken.toString(), () -> {
            assertThat(catchThrowable(() -> MatchRulesReader.load(broken.file()))).as("the start-up check of %s", broken)
                    .hasMessageContaining(broken.file() + ": " + broken.rejectedWith());
            assertThat(JsonSchemas.MATCH_RULES.problems(broken.file())).as("the schema's problems with %s", broken)
                    .isNotEmpty();
        }));
    }
}
