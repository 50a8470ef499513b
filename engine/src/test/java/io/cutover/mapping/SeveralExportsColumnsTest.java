package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cutover.schema.BuiltInDescribes;
import io.cutover.source.SourceCatalogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up check of a mapping against an object exported by several systems: each export must have its columns. */
class SeveralExportsColumnsTest {

    private static final String MAPPING = """
            object: Account
            externalId: Legacy_Id__c
            fields:
              Name: name
              BillingCountry: country
            """;

    @TempDir
    Path dir;

    @Test
    void aColumnOneExportLacksIsNamedWithItsDescriptionAndFile() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve("accounts-fr.yaml"), "object: Account\nfile: accounts-fr.csv\nlegacyId: id\n"
                + "source: fr\nvalues: {country: France}\n");
        Path romanian = Files.writeString(sources.resolve("accounts-ro.yaml"),
                "object: Account\nfile: accounts-ro.csv\nlegacyId: id\nsource: ro\n");
        Files.writeString(dir.resolve("accounts-fr.csv"), "id,name\n1,A\n");
        Files.writeString(dir.resolve("accounts-ro.csv"), "id,name\n1,B\n");

        String problems = problems(sources);

        assertThat(problems).contains("fields.BillingCountry: column 'country' is not in " + dir.resolve("accounts-ro.csv")
                + " (" + romanian + ") (columns: [id, name])");
        assertThat(problems).as("the French export has it in its values:").doesNotContain("accounts-fr.csv");
    }

    @Test
    void aColumnEveryExportHasOrAddsPasses() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve("accounts-fr.yaml"), "object: Account\nfile: accounts-fr.csv\nlegacyId: id\n"
                + "source: fr\nvalues: {country: France}\n");
        Files.writeString(sources.resolve("accounts-ro.yaml"), "object: Account\nfile: accounts-ro.csv\nlegacyId: cod\n"
                + "source: ro\n");
        Files.writeString(dir.resolve("accounts-fr.csv"), "id,name\n1,A\n");
        Files.writeString(dir.resolve("accounts-ro.csv"), "cod,name,country\n1,B,Romania\n");

        assertThat(catalog(sources).forObject("Account").fields()).containsKeys("Name", "BillingCountry");
    }

    private String problems(Path sources) {
        return catchThrowable(() -> catalog(sources)).getMessage();
    }

    private MappingCatalog catalog(Path sources) throws IOException {
        Path mappings = Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(mappings.resolve("account.yaml"), MAPPING);
        return new MappingCatalog(mappings, SourceCatalogs.of(sources, dir), BuiltInDescribes.schema(), MappingFiles.CAMEL,
                "salesforce");
    }
}
