package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cutover.config.ConfigurationProblems;
import io.cutover.mapping.transform.Rejection;
import io.cutover.source.SourceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void todaysFormsAndTransformChainsSitSideBySide() throws IOException, Rejection {
        ObjectMapping mapping = read("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  Title: title
                  Department: {column: department}
                  LeadSource: {constant: Legacy CRM}
                  AccountId: {parent: Account, column: account_id}
                  Phone: {column: phone, transforms: [trim, {phone: {region: FR, invalid: reject}}]}
                  Description: {columns: [first, last], transforms: [{concat: " "}, nfc, {case: title}]}
                """);

        assertThat(mapping.fields().get("Title")).isEqualTo(FieldRule.Column.of("title"));
        assertThat(mapping.fields().get("Department")).isEqualTo(FieldRule.Column.of("department"));
        assertThat(mapping.fields().get("LeadSource")).isEqualTo(new FieldRule.Constant("Legacy CRM"));
        assertThat(mapping.fields().get("AccountId")).isEqualTo(new FieldRule.Parent("Account", "account_id"));
        FieldRule.Column phone = (FieldRule.Column) mapping.fields().get("Phone");
        assertThat(phone.transforms().apply(" 01 42 68 53 00 ", Map.of())).isEqualTo("+33142685300");
        FieldRule.Column name = (FieldRule.Column) mapping.fields().get("Description");
        assertThat(name.sourceColumns()).containsExactly("first", "last");
        assertThat(name.separator()).isEqualTo(" ");
    }

    @Test
    void severalColumnsNeedConcat() throws IOException {
        assertThat(problems("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  Description: {columns: [first, last], transforms: [trim]}
                  Title: {column: title, transform: [trim]}
                """))
                .contains("fields.Description: several columns need {concat: <separator>} as the first transform")
                .contains("fields.Title: unknown key 'transform' (expected one of [column, columns, transforms])");
    }

    @Test
    void aRejectNamesObjectLegacyIdSourceFieldAndValue() {
        SourceRecord source = SourceRecord.read("Contact", "ContactRef7", "contacts.csv", 8, 7, Map.of());
        assertThat(RecordMapper.rejectMessage(source, "Phone", "01 42", "not a valid phone number in region FR"))
                .isEqualTo("contacts.csv line 8 (record 7): Contact ContactRef7: field Phone, value '01 42': "
                        + "not a valid phone number in region FR");
        assertThat(RecordMapper.rejectMessage(source, "LastName", null, "the target requires a value"))
                .isEqualTo("contacts.csv line 8 (record 7): Contact ContactRef7: field LastName, value (empty): the target requires a value");
    }

    private ObjectMapping read(String yaml) throws IOException {
        ConfigurationProblems problems = new ConfigurationProblems("the mapping files");
        ObjectMapping mapping = new MappingFileReader(write(yaml), problems).read();
        problems.throwIfAny();
        return mapping;
    }

    private String problems(String yaml) throws IOException {
        ConfigurationProblems problems = new ConfigurationProblems("the mapping files");
        new MappingFileReader(write(yaml), problems).read();
        return catchThrowable(problems::throwIfAny).getMessage();
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("contact.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
