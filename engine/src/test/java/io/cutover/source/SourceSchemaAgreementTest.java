package io.cutover.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cutover.config.JsonSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The start-up check of source descriptions and their JSON Schema reject the same broken files. */
class SourceSchemaAgreementTest {

    /** The export the broken file descriptions describe: accounts.csv, with the columns account_id and name. */
    private static final Path EXPORTS = Path.of("engine/src/test/resources/schemas/broken/export");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> theStartUpCheckAndTheSchemaRejectEachBrokenFile() throws IOException {
        return JsonSchemas.brokenFiles("sources").stream().map(broken -> DynamicTest.dynamicTest(broken.toString(), () -> {
            // the catalog reads a folder: this one holds the broken description alone
            Path folder = Files.createDirectories(dir.resolve(broken.toString().replace(".yaml", "")));
            Path description = Files.copy(broken.file(), folder.resolve(broken.file().getFileName()));
            assertThat(catchThrowable(() -> new SourceCatalog(folder, EXPORTS, name -> "secret")))
                    .as("the start-up check of %s", broken)
                    .hasMessageContaining(description + ": " + broken.rejectedWith());
            assertThat(JsonSchemas.SOURCE.problems(broken.file())).as("the schema's problems with %s", broken).isNotEmpty();
        }));
    }
}
