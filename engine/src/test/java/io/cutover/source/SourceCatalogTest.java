package io.cutover.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV keys of source descriptions, read and checked at start-up. */
class SourceCatalogTest {

    @TempDir
    Path dir;

    private Path describe(String yaml) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        return Files.writeString(sources.resolve("contacts.yaml"), "object: Contact\nfile: contacts.csv\nlegacyId: id\n" + yaml);
    }

    private SourceCatalog catalog() {
        return new SourceCatalog(() -> dir.resolve("sources"), () -> dir);
    }

    @Test
    void everyKeyIsRead() throws IOException {
        Files.write(dir.resolve("contacts.csv"), "Contacts\nid;nom\n1;Zoé\n".getBytes(ExportCharset.WINDOWS_1252));
        describe("charset: windows-1252\ndelimiter: \";\"\nheaderRow: 2\nraggedRows: pad\nundecodable: replace\n");
        ExportDescription export = catalog().forObject("Contact");
        assertThat(export.csv()).isEqualTo(new CsvSettings(Optional.of(ExportCharset.WINDOWS_1252), Optional.of(';'), 2,
                CsvSettings.RaggedRows.PAD, CsvSettings.Undecodable.REPLACE));
        assertThat(catalog().header("Contact")).containsExactly("id", "nom");
    }

    @Test
    void autoAndAbsentKeysMeanDetection() throws IOException {
        Files.writeString(dir.resolve("contacts.csv"), "\ufeffid\tname\n1\tA\n", StandardCharsets.UTF_8);
        describe("charset: auto\ndelimiter: auto\n");
        assertThat(catalog().forObject("Contact").csv()).isEqualTo(CsvSettings.DEFAULTS);
        assertThat(catalog().header("Contact")).containsExactly("id", "name");
    }

    @Test
    void everyWrongKeyIsReportedWithFileAndKey() throws IOException {
        Files.writeString(dir.resolve("contacts.csv"), "id\n1\n");
        Path description = describe("charset: klingon-8\ndelimiter: \"#\"\nheaderRow: 0\nraggedRows: fix\nundecodable: ignore\n");
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(description + ": charset: 'klingon-8' is not a charset this Java knows")
                .hasMessageContaining(description + ": delimiter: '#' is not one of , ; | \"\\t\" auto")
                .hasMessageContaining(description + ": headerRow: '0' is not a line number (1 for the first line)")
                .hasMessageContaining(description + ": raggedRows: 'fix' is not reject or pad")
                .hasMessageContaining(description + ": undecodable: 'ignore' is not reject or replace");
    }

    @Test
    void aHeaderWithTheSameColumnTwiceIsReported() throws IOException {
        Files.writeString(dir.resolve("contacts.csv"), "id,name,name\n1,a,b\n");
        Path description = describe("");
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(description + ": file: column 'name' appears more than once in the header of")
                .hasMessageContaining("(columns [2, 3]): name the others in the source description (columns: {3: "
                        + "another_name}) or leave them out (ignoreColumns: [3])");
    }

    @Test
    void repeatedAndUnnamedColumnsAreNamedOrLeftOutByPosition() throws IOException {
        Files.writeString(dir.resolve("contacts.csv"), "id,name,phone,phone,,\n1,Zoé,+33142685300,+33612345678,x42,junk\n");
        describe("columns: {4: mobile, 5: extension}\nignoreColumns: [6]\n");

        SourceCatalog catalog = catalog();
        assertThat(catalog.header("Contact")).containsExactly("id", "name", "phone", "mobile", "extension");
        try (CsvExportReader reader = new CsvExportReader(catalog.forObject("Contact"))) {
            SourceRecord record = reader.next();
            assertThat(record.values()).containsExactly(java.util.Map.entry("id", "1"), java.util.Map.entry("name", "Zoé"),
                    java.util.Map.entry("phone", "+33142685300"), java.util.Map.entry("mobile", "+33612345678"),
                    java.util.Map.entry("extension", "x42"));
            assertThat(reader.rawHeader()).containsExactly("id", "name", "phone", "phone", "", "");
        }
    }

    @Test
    void aLegacyIdMadeOfSeveralColumns() throws IOException {
        Files.writeString(dir.resolve("contacts.csv"), "region,number,name\nNORD,10042,Zoé\nSUD,10042,Ana\nSUD,,Eve\n");
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve("contacts.yaml"), "object: Contact\nfile: contacts.csv\nlegacyId: [region, number]\n");

        try (CsvExportReader reader = new CsvExportReader(catalog().forObject("Contact"))) {
            assertThat(reader.next().legacyId()).isEqualTo("NORD-10042");
            assertThat(reader.next().legacyId()).as("the same number in another region is another record").isEqualTo("SUD-10042");
            assertThat(reader.next().legacyId()).as("an id with a part missing is no id").isNull();
        }
        Files.writeString(sources.resolve("contacts.yaml"), "object: Contact\nfile: contacts.csv\nlegacyId: [region, num]\n");
        assertThatThrownBy(this::catalog).hasMessageContaining("legacyId: column 'region+num' is not in");
    }

    @Test
    void columnPositionsMustBeInTheHeader() throws IOException {
        Files.writeString(dir.resolve("contacts.csv"), "id,name,name\n1,a,b\n");
        Path description = describe("columns: {9: other, x: y}\nignoreColumns: [3, 0]\n");
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(description + ": columns: 'x: y' is not a column position (1 for the first) and a name")
                .hasMessageContaining(description + ": ignoreColumns: '0' is not a column position (1 for the first)");
        describe("columns: {9: other}\n");
        assertThatThrownBy(this::catalog).hasMessageContaining("columns: column 9 is past the header of contacts.csv, "
                + "which has 3 columns");
    }
}
