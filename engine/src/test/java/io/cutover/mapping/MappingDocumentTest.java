package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.config.ConfigurationProblems;
import io.cutover.schema.BuiltInDescribes;
import io.cutover.source.CsvSettings;
import io.cutover.source.ExportDescription;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The mapping document of the sample's account mapping. */
class MappingDocumentTest {

    @Test
    void theAccountTableNamesSourceTargetTransformsAndAnExampleOfEachField() throws IOException {
        MappingDocument.Table table = accountTable();

        assertThat(table.rows()).extracting(MappingDocument.Row::field).startsWith("Legacy_Id__c", "Name", "Phone", "Fax")
                .endsWith("ShippingPostalCode", "AccountSource").hasSize(20);
        assertThat(table.rows().get(0)).isEqualTo(new MappingDocument.Row("Legacy_Id__c", "account_id (legacy id)",
                "string", 40, false, "", "AccountRef1", "AccountRef1"));
        assertThat(row(table, "Name")).isEqualTo(new MappingDocument.Row("Name", "name", "string", 255, true,
                "trim, collapse, nfc", "Zoonoodle 37", "Zoonoodle 37"));
        assertThat(row(table, "Phone")).isEqualTo(new MappingDocument.Row("Phone", "phone", "phone", 40, false,
                "phone (region: US, regionColumn: billingcountry, invalid: keep)", "1(302)556-4395", "+13025564395"));
        assertThat(row(table, "Industry").transforms()).isEqualTo("trim, map (unknown: reject, values: 26 entries)");
        assertThat(row(table, "Industry").example()).as("the first account's industry").isEqualTo("n/a");
        assertThat(row(table, "Industry").mappedExample()).isEmpty();
        assertThat(row(table, "AccountSource")).isEqualTo(new MappingDocument.Row("AccountSource", "constant", "picklist",
                40, false, "", null, "Legacy CRM"));
    }

    @Test
    void theTableAsMarkdownAndAsCsv() throws IOException {
        List<MappingDocument.Table> tables = List.of(accountTable());

        assertThat(MappingDocument.markdown(tables)).contains("## Account ← accounts.csv\n\nMapping file: `mappings/account.yaml`\n")
                .contains("| Name | name | string | 255 | yes | trim, collapse, nfc | `Zoonoodle 37` | `Zoonoodle 37` |\n");
        List<CSVRecord> csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(MappingDocument.csv(tables))).getRecords();
        assertThat(csv).hasSize(20);
        CSVRecord phone = csv.get(2);
        assertThat(phone.toMap()).containsEntry("object", "Account").containsEntry("target field", "Phone")
                .containsEntry("source columns", "phone").containsEntry("type", "phone").containsEntry("length", "40")
                .containsEntry("required", "").containsEntry("example value", "1(302)556-4395")
                .containsEntry("mapped example", "+13025564395")
                .containsEntry("transforms", "phone (region: US, regionColumn: billingcountry, invalid: keep)");
    }

    private static MappingDocument.Row row(MappingDocument.Table table, String field) {
        return table.rows().stream().filter(r -> r.field().equals(field)).findFirst().orElseThrow();
    }

    private static MappingDocument.Table accountTable() throws IOException {
        ConfigurationProblems problems = new ConfigurationProblems("the mapping files");
        ObjectMapping mapping = new MappingFileReader(Path.of("mappings/account.yaml"), problems, MappingFiles.CAMEL).read();
        problems.throwIfAny();
        ExportDescription export = new ExportDescription(Path.of("sources/accounts.yaml"), "Account",
                Path.of("samples/apex-recipes/accounts.csv"), "account_id", CsvSettings.DEFAULTS);
        return MappingFiles.table(mapping, BuiltInDescribes.schema().find("Account").orElseThrow(), export);
    }
}
