package io.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The auto-map, profile and mapping-doc modes of the packaged application: no target configured (they call none), the
 * files written where the log says, and the exit code.
 */
class MappingToolModesIT {

    @Test
    void autoMapWorksWithoutAnyMappingFileAndExitsZero() throws Exception {
        Path output = Files.createTempDirectory(Path.of("target"), "auto-map-").toAbsolutePath();
        Path noMappings = Files.createTempDirectory(Path.of("target"), "no-mappings-").toAbsolutePath();

        PackagedApplication autoMap = PackagedApplication.start("-Dcutover.mode=auto-map",
                "-Dcutover.mapping.dir=" + noMappings, "-Dcutover.output-dir=" + output);

        assertThat(autoMap.exitCode()).as(autoMap.output()).isZero();
        assertThat(autoMap.output()).contains("auto-map wrote 2 files into " + output + ": [account.yaml, contact.yaml]");
        assertThat(Files.readString(output.resolve("contact.yaml"))).contains("  Email: email   # confidence 1.00");
    }

    @Test
    void profileAndMappingDocWriteIntoTheirFolderOfTheDataFolder() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "tools-data-").toAbsolutePath();

        PackagedApplication profile = PackagedApplication.start("-Dcutover.mode=profile", "-Dcutover.data-dir=" + data);
        assertThat(profile.exitCode()).as(profile.output()).isZero();
        PackagedApplication mappingDoc = PackagedApplication.start("-Dcutover.mode=mapping-doc", "-Dcutover.data-dir=" + data);
        assertThat(mappingDoc.exitCode()).as(mappingDoc.output()).isZero();

        assertThat(Files.readString(data.resolve("profile/profile.md"))).contains("## Contact: contacts.csv (UTF-8, detected: no byte order mark, the whole file is valid UTF-8)\n\n150 records;");
        assertThat(data.resolve("profile/profile.json")).isNotEmptyFile();
        assertThat(Files.readString(data.resolve("mapping-doc/mapping.csv")))
                .contains("Account,Phone,phone,phone,40,,\"phone (region: US, regionColumn: billingcountry, invalid: keep)\",1(302)556-4395,+13025564395");
        assertThat(data.resolve("mapping-doc/mapping.md")).isNotEmptyFile();
    }

    @Test
    void aToolThatCannotWriteItsFilesExitsTwo() throws Exception {
        Path notAFolder = Files.createTempFile(Path.of("target"), "not-a-folder-", ".txt").toAbsolutePath();

        PackagedApplication mappingDoc = PackagedApplication.start("-Dcutover.mode=mapping-doc",
                "-Dcutover.output-dir=" + notAFolder.resolve("doc"));

        assertThat(mappingDoc.exitCode()).as(mappingDoc.output()).isEqualTo(2);
        assertThat(mappingDoc.output()).contains("mapping-doc failed: ");
    }
}
