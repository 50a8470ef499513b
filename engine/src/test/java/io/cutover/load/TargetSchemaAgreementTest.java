package io.cutover.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.config.ConfigurationProblems;
import io.cutover.config.JsonSchemas;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The start-up check of target descriptions and their JSON Schema reject the same broken files. */
class TargetSchemaAgreementTest {

    @TestFactory
    Stream<DynamicTest> theStartUpCheckAndTheSchemaRejectEachBrokenFile() throws IOException {
        return JsonSchemas.brokenFiles("targets").stream().map(broken -> DynamicTest.dynamicTest(broken.toString(), () -> {
            ConfigurationProblems problems = new ConfigurationProblems("the target description");
            assertThat(RestTargetDescriptionReader.read(broken.file(), name -> "secret", Map.of(), problems))
                    .as("the description read from %s", broken).isEmpty();
            assertThat(catchProblems(problems)).as("the start-up check of %s", broken)
                    .contains(broken.file() + ": " + broken.rejectedWith());
            assertThat(JsonSchemas.TARGET.problems(broken.file())).as("the schema's problems with %s", broken).isNotEmpty();
        }));
    }

    private static String catchProblems(ConfigurationProblems problems) {
        try {
            problems.throwIfAny();
            return "no problem";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
