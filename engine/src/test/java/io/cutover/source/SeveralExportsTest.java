package io.cutover.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several exports of one object: named sources, globs, constant columns, and the descriptions refused. */
class SeveralExportsTest {

    @TempDir
    Path dir;

    private Path describe(String name, String yaml) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        return Files.writeString(sources.resolve(name), yaml);
    }

    private SourceCatalog catalog() {
        return new SourceCatalog(() -> dir.resolve("sources"), () -> dir);
    }

    private static List<SourceRecord> readAll(Iterator<SourceRecord> records) throws IOException {
        List<SourceRecord> all = new ArrayList<>();
        records.forEachRemaining(all::add);
        ((java.io.Closeable) records).close();
        return all;
    }

    private void twoRegions() throws IOException {
        Files.writeString(dir.resolve("accounts-fr.csv"), "id;nom\n1;Zoé\n2;Élise\n", StandardCharsets.UTF_8);
        Files.write(dir.resolve("accounts-ro.csv"), "cod,nom\n1,Ştefan\n".getBytes("windows-1250"));
        describe("accounts-ro.yaml", "object: Account\nfile: accounts-ro.csv\nlegacyId: cod\nsource: ro\n"
                + "charset: windows-1250\ndelimiter: \",\"\nvalues: {country: Romania, source_system: Salesforce RO}\n");
        describe("accounts-fr.yaml", "object: Account\nfile: accounts-fr.csv\nlegacyId: id\nsource: fr\n"
                + "delimiter: \";\"\nvalues: {country: France, source_system: Zoho FR}\n");
    }

    @Test
    void severalNamedExportsAreReadInTheOrderOfTheirDescriptionsWithTheirOwnSettings() throws IOException {
        twoRegions();
        SourceCatalog catalog = catalog();
        assertThat(catalog.exports("Account")).extracting(export -> export.file().getFileName().toString())
                .containsExactly("accounts-fr.csv", "accounts-ro.csv");
        assertThat(catalog.sourceNames("Account")).containsExactly("fr", "ro");
        assertThat(catalog.header("Account")).containsExactly("id", "nom", "country", "source_system", "cod");

        List<SourceRecord> records = readAll(new SeveralExportsReader(catalog.exports("Account")));
        assertThat(records).extracting(SourceRecord::legacyId).containsExactly("fr:1", "fr:2", "ro:1");
        assertThat(records).extracting(SourceRecord::recordNumber).containsExactly(1L, 2L, 3L);
        assertThat(records).extracting(SourceRecord::sourceRef).containsExactly("accounts-fr.csv line 2 (record 1)",
                "accounts-fr.csv line 3 (record 2)", "accounts-ro.csv line 2 (record 3)");
        assertThat(records.get(2).values()).containsExactly(Map.entry("cod", "1"), Map.entry("nom", "Ştefan"),
                Map.entry("country", "Romania"), Map.entry("source_system", "Salesforce RO"));
        assertThat(records.get(0).source()).isEqualTo("fr");
        assertThat(records.get(0).valuesKept()).containsEntry(SourceRecord.SOURCE_NAME_COLUMN, "fr")
                .containsEntry("id", "1");
    }

    @Test
    void aParentOfTheSameSourceIsNamespacedAndOneOfAnObjectWithoutItIsNot() throws IOException {
        twoRegions();
        Files.writeString(dir.resolve("contacts-fr.csv"), "id,account_id\n7,1\n");
        describe("contacts-fr.yaml", "object: Contact\nfile: contacts-fr.csv\nlegacyId: id\nsource: fr\n");
        Files.writeString(dir.resolve("users.csv"), "id\n1\n");
        describe("users.yaml", "object: User\nfile: users.csv\nlegacyId: id\n");
        SourceCatalog catalog = catalog();
        SourceRecord contact = readAll(new SeveralExportsReader(catalog.exports("Contact"))).get(0);
        assertThat(contact.legacyId()).isEqualTo("fr:7");
        assertThat(catalog.parentLegacyId(contact, "Account", "1")).isEqualTo("fr:1");
        assertThat(catalog.parentLegacyId(contact, "User", "1")).isEqualTo("1");
        SourceRecord unnamed = SourceRecord.read("Contact", "7", "contacts.csv", 2, 1, Map.of());
        assertThat(catalog.parentLegacyId(unnamed, "Account", "1")).isEqualTo("1");
    }

    @Test
    void aGlobReadsItsFilesByNameWithOneDescriptionsSettings() throws IOException {
        Files.writeString(dir.resolve("accounts-2.csv"), "id|name\n3|C\n");
        Files.writeString(dir.resolve("accounts-1.csv"), "id|name\n1|A\n2|B\n");
        Files.writeString(dir.resolve("accounts-other.txt"), "not an export\n");
        describe("accounts.yaml", "object: Account\nfile: accounts-*.csv\nlegacyId: id\ndelimiter: \"|\"\n");
        SourceCatalog catalog = catalog();
        List<SourceRecord> records = readAll(new SeveralExportsReader(catalog.exports("Account")));
        assertThat(records).extracting(SourceRecord::legacyId).containsExactly("1", "2", "3");
        assertThat(records).extracting(SourceRecord::sourceRef).containsExactly("accounts-1.csv line 2 (record 1)",
                "accounts-1.csv line 3 (record 2)", "accounts-2.csv line 2 (record 3)");
        assertThat(catalog.find("Account")).isEmpty();
    }

    @Test
    void aGlobThatMatchesNothingStopsStartUpAndLaterARun() throws IOException {
        Files.writeString(dir.resolve("accounts-1.csv"), "id\n1\n");
        Path description = describe("accounts.yaml", "object: Account\nfile: accounts-*.csv\nlegacyId: id\n");
        SourceCatalog catalog = catalog();
        Files.delete(dir.resolve("accounts-1.csv"));
        assertThatThrownBy(() -> catalog.exports("Account")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(description + ": file: no file in " + dir + " matches accounts-*.csv");
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(description + ": file: no file in " + dir + " matches accounts-*.csv");
    }

    @Test
    void twoDescriptionsOfOneObjectWithoutDistinctSourceNamesStopStartUp() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "id\n1\n");
        Path first = describe("a.yaml", "object: Account\nfile: a.csv\nlegacyId: id\n");
        Path unnamed = describe("b.yaml", "object: Account\nfile: a.csv\nlegacyId: id\nsource: fr\n");
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class).hasMessageContaining(unnamed
                + ": object: Account is already described by " + first + "; several exports of one object each name "
                + "their source (source: fr)");

        Files.writeString(first, "object: Account\nfile: a.csv\nlegacyId: id\nsource: fr\n");
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class).hasMessageContaining(unnamed
                + ": source: fr already names the export of Account described by " + first);
    }

    @Test
    void anObjectsExportsAreFilesOrRestApisNotBoth() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "id\n1\n");
        Path file = describe("a.yaml", "object: Account\nfile: a.csv\nlegacyId: id\nsource: fr\n");
        Path rest = describe("b.yaml", "object: Account\nlegacyId: id\nsource: ro\nrest:\n  url: http://localhost:1/a\n"
                + "  records: \"$.records\"\n  paging: {style: offset}\n");
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(rest + ": object: Account is already described by " + file
                        + "; an object's exports are files, or REST APIs, not both");
    }

    private Path describeRest(String name, String source, String url) throws IOException {
        return describe(name, "object: Account\nlegacyId: id\n" + (source == null ? "" : "source: " + source + "\n")
                + "values: {country: " + name + "}\nrest:\n  url: " + url + "\n  records: \"$.records\"\n"
                + "  paging: {style: offset}\n  incremental: {parameter: since, field: updated_at, deleted: gone}\n");
    }

    @Test
    void severalNamedRestSourcesOfOneObjectEachKeepTheirSettingsAndWatermarkStream() throws IOException {
        describeRest("accounts-us.yaml", "us", "http://us.example.com/api/accounts");
        describeRest("accounts-eu.yaml", "eu", "http://eu.example.com/api/accounts");
        SourceCatalog catalog = catalog();

        assertThat(catalog.restSources("Account")).extracting(rest -> rest.url().getHost())
                .containsExactly("eu.example.com", "us.example.com");
        assertThat(catalog.sourceNames("Account")).containsExactly("eu", "us");
        assertThat(catalog.restSources("Account")).extracting(RestSource::watermarkStream)
                .containsExactly("source/Account/eu", "source/Account/us");
        assertThat(catalog.restSources("Account").get(0).values()).containsEntry("country", "accounts-eu.yaml");
        assertThat(catalog.restSourceOf("Account", "us:1")).map(rest -> rest.url().getHost()).hasValue("us.example.com");
        assertThat(catalog.restSourceOf("Account", "1")).isEmpty();
        assertThat(catalog.legacyIdColumn("Account", "eu")).hasValue("id");
        assertThat(catalog.flagsDeletions("Account")).isTrue();
    }

    @Test
    void aParentIsNamedToItsChildsSystemAsThatSystemKnowsItOrNotAtAll() throws IOException {
        describeRest("accounts-us.yaml", "us", "http://us.example.com/api/accounts");
        describeRest("accounts-eu.yaml", "eu", "http://eu.example.com/api/accounts");
        SourceCatalog catalog = catalog();

        assertThat(catalog.parentValue("eu", "Account", "eu:ACC1")).isEqualTo("ACC1");
        assertThat(catalog.parentValue("eu", "Account", "us:ACC1")).as("another system's account").isNull();
        assertThat(catalog.parentValue("fr", "Account", "us:ACC1")).as("a child of a system the parents do not have")
                .isEqualTo("us:ACC1");
        SourceRecord child = SourceRecord.read("Contact", "1", "c.csv", 2, 1, Map.of()).fromSource("eu");
        assertThat(catalog.parentValue("eu", "Account", catalog.parentLegacyId(child, "Account", "ACC1")))
                .isEqualTo("ACC1");
    }

    @Test
    void aRestSourceWithoutANameKeepsItsIdsAndStreamAsTheyWere() throws IOException {
        describeRest("accounts.yaml", null, "http://crm.example.com/api/accounts");
        SourceCatalog catalog = catalog();

        RestSource only = catalog.restSources("Account").get(0);
        assertThat(only.watermarkStream()).isEqualTo("source/Account");
        assertThat(only.namespaced("1")).isEqualTo("1");
        assertThat(catalog.restSourceOf("Account", "1")).containsSame(only);
        assertThat(catalog.sourceNames("Account")).isEmpty();
    }

    @Test
    void twoRestSourcesOfOneObjectWithoutDistinctSourceNamesStopStartUp() throws IOException {
        Path first = describeRest("a.yaml", null, "http://a.example.com/x");
        Path second = describeRest("b.yaml", "eu", "http://b.example.com/x");
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class).hasMessageContaining(second
                + ": object: Account is already described by " + first + "; several exports of one object each name "
                + "their source (source: fr)");

        describeRest("a.yaml", "eu", "http://a.example.com/x");
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class).hasMessageContaining(second
                + ": source: eu already names the export of Account described by " + first);
    }

    @Test
    void wrongSourceNamesValuesAndGlobFoldersAreReported() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "id,country\n1,FR\n");
        Path description = describe("a.yaml", "object: Account\nfile: a.csv\nlegacyId: id\nsource: \"fr:1\"\n"
                + "values: {country: France, tags: [a, b]}\n");
        Path globFolder = describe("b.yaml", "object: Contact\nfile: \"*/contacts.csv\"\nlegacyId: id\n");
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(description + ": source: 'fr:1' is not a source name: letters, digits, - and _")
                .hasMessageContaining(description + ": values.tags: expected a text, a number or a boolean")
                .hasMessageContaining(globFolder + ": file: '*/contacts.csv': a glob matches file names in one folder");

        Files.writeString(description, "object: Account\nfile: a.csv\nlegacyId: id\nsource: fr\n"
                + "values: {country: France}\n");
        Files.delete(globFolder);
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class).hasMessageContaining(description
                + ": values.country: " + dir.resolve("a.csv") + " has a column 'country' already");
    }

    @Test
    void changesAreRefusedOnAnObjectWithSeveralExportFiles() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "id,updated_at\n1,2024-01-01\n");
        Path withChanges = describe("a.yaml", "object: Account\nfile: a.csv\nlegacyId: id\nsource: fr\n"
                + "changes: {field: updated_at}\n");
        describe("b.yaml", "object: Account\nfile: a.csv\nlegacyId: id\nsource: ro\n");
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class).hasMessageContaining(withChanges
                + ": changes: the cutover sync's delta files are read with the settings of their object's one export "
                + "file, and Account has several (a.csv, a.csv)");
    }

    @Test
    void aRequeuedRejectTakesItsLegacyIdFromItsSourcesColumnAndNamespace() throws IOException {
        twoRegions();
        Path fixed = Files.createDirectories(dir.resolve("fixed"));
        Files.writeString(fixed.resolve("Account.csv"), "id,nom,country,source_system,cod,cutover_source_name,ERROR\n"
                + "1,Zoé,France,Zoho FR,,fr,was wrong\n"
                + ",Ştefan,Romania,Salesforce RO,1,ro,was wrong\n"
                + "2,Anon,,,,xx,was wrong\n");
        RequeuedRejects requeued = new RequeuedRejects(catalog());
        assertThat(requeued.check(fixed)).containsExactly("Account");

        List<SourceRecord> records = readAll(requeued.open("Account", fixed));
        assertThat(records).extracting(SourceRecord::legacyId).containsExactly("fr:1", "ro:1", null);
        assertThat(records).extracting(SourceRecord::source).containsExactly("fr", "ro", null);
        assertThat(records.get(0).values()).doesNotContainKeys(SourceRecord.SOURCE_NAME_COLUMN, "ERROR");
        assertThat(records.get(2).rejectCode()).isEqualTo("UNKNOWN_SOURCE");
        assertThat(records.get(2).rejectMessage()).contains("cutover_source_name 'xx' is not the source name of an "
                + "export of Account [fr, ro]");

        Path withoutSourceNames = Files.createDirectories(dir.resolve("without-source-names"));
        Files.writeString(withoutSourceNames.resolve("Account.csv"), "id,nom\n1,Zoé\n");
        assertThatThrownBy(() -> requeued.check(withoutSourceNames)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Account.csv has no column cutover_source_name, the source name of each record");
    }

    @Test
    void aRequeuedRejectOfAGlobsExportTakesItsLegacyIdAsBefore() throws IOException {
        Files.writeString(dir.resolve("accounts-1.csv"), "id,name\n1,A\n");
        describe("accounts.yaml", "object: Account\nfile: accounts-*.csv\nlegacyId: id\n");
        Path fixed = Files.createDirectories(dir.resolve("fixed"));
        Files.writeString(fixed.resolve("Account.csv"), "id,name,ERROR\n1,A,was wrong\n");
        RequeuedRejects requeued = new RequeuedRejects(catalog());

        assertThat(requeued.check(fixed)).containsExactly("Account");
        assertThat(readAll(requeued.open("Account", fixed))).extracting(SourceRecord::legacyId).containsExactly("1");
    }

    @Test
    void withoutSourceNamesAnExportIsReadAsBefore() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "id,name\n10,A\n");
        describe("a.yaml", "object: Account\nfile: a.csv\nlegacyId: id\n");
        SourceCatalog catalog = catalog();
        try (CsvExportReader reader = new CsvExportReader(catalog.forObject("Account"))) {
            SourceRecord record = reader.next();
            assertThat(record.legacyId()).isEqualTo("10");
            assertThat(record.source()).isNull();
            assertThat(record.valuesKept()).containsExactly(Map.entry("id", "10"), Map.entry("name", "A"));
        }
        assertThat(catalog.sourceNames("Account")).isEmpty();
    }
}
