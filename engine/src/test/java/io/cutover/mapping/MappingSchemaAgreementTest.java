package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cutover.config.JsonSchemas;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The start-up check of mapping files and their JSON Schema reject the same broken files. */
class MappingSchemaAgreementTest {

    @TestFactory
    Stream<DynamicTest> theStartUpCheckAndTheSchemaRejectEachBrokenFile() throws IOException {
        return JsonSchemas.brokenFiles("mappings").stream().map(broken -> DynamicTest.dynamicTest(broken.toString(), () -> {
            assertThat(catchThrowable(() -> MappingFiles.read(broken.file()))).as("the start-up check of %s", broken)
                    .hasMessageContaining(broken.file() + ": " + broken.rejectedWith());
            assertThat(JsonSchemas.MAPPING.problems(broken.file())).as("the schema's problems with %s", broken).isNotEmpty();
        }));
    }
}
