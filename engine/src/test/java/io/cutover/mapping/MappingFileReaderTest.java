package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cutover.config.ConfigurationProblems;
import io.cutover.mapping.transform.Rejection;
import io.cutover.source.SourceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
        assertThat(mapping.fields().get("AccountId")).isEqualTo(FieldRule.Parent.of("Account", "account_id"));
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
                .contains("fields.Title: unknown key 'transform' (expected one of [column, columns, transforms, find])");
    }

    @Test
    void anExpressionIsCamelSimpleEvaluatedAgainstTheRow() throws IOException, Rejection {
        ObjectMapping mapping = read("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  Description:
                    expression: "Client ${body[segment]} depuis ${body[since]} (agence de ${body[branch]})"
                    transforms: [collapse]
                  Title:
                    expression: "${body[title].toUpperCase()}"
                  Department:
                    expression: "${body[code].substring(3)}"
                """);

        FieldRule.Expression description = (FieldRule.Expression) mapping.fields().get("Description");
        Map<String, String> row = Map.of("segment", "Entreprise", "since", "1998", "branch", "Cluj-Napoca",
                "title", "Directrice financière", "code", "RO-Vânzări");
        assertThat(description.sourceColumns()).containsExactly("segment", "since", "branch");
        assertThat(description.transforms().apply(description.input(row), row))
                .isEqualTo("Client Entreprise depuis 1998 (agence de Cluj-Napoca)");
        assertThat(((FieldRule.Computed) mapping.fields().get("Title")).input(row)).isEqualTo("DIRECTRICE FINANCIÈRE");
        FieldRule.Computed department = (FieldRule.Computed) mapping.fields().get("Department");
        assertThat(department.input(row)).isEqualTo("Vânzări");
        Rejection failed = catchThrowableOfType(Rejection.class, () -> department.input(Map.of("code", "RO")));
        assertThat(failed.reasonCode()).isEqualTo("EXPRESSION_FAILED");
        assertThat(failed.getMessage()).startsWith("the expression ${body[code].substring(3)} failed: ");
    }

    @Test
    void aBrokenExpressionStopsTheStart() throws IOException {
        assertThat(problems("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  Description: {expression: "${body[segment]"}
                  Title: {expression: "${body[title]}", columns: [title]}
                """))
                .contains("fields.Description.expression: not a valid Camel simple expression: ")
                .contains("fields.Title: expected a source column name");
    }

    @Test
    void aFindLooksTheComputedValueUpInTheTarget() throws IOException {
        ObjectMapping mapping = read("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  OwnerId:
                    column: owner_email
                    transforms: [email]
                    find: {object: User, by: Email, where: "IsActive = true", unknown: default, default: 0058d000000AdmnAAC}
                  ReportsToId:
                    expression: "${body[manager]}"
                    find: {object: Contact, by: Email}
                """);

        FieldRule.Find owner = (FieldRule.Find) mapping.fields().get("OwnerId");
        assertThat(owner).extracting(FieldRule.Find::object, FieldRule.Find::by, FieldRule.Find::where,
                FieldRule.Find::notFound, FieldRule.Find::defaultId)
                .containsExactly("User", "Email", "IsActive = true", FieldRule.WhenNotFound.DEFAULT, "0058d000000AdmnAAC");
        assertThat(owner.sourceColumns()).containsExactly("owner_email");
        assertThat(((FieldRule.Find) mapping.fields().get("ReportsToId")).notFound())
                .as("unknown values are rejected unless the mapping says otherwise").isEqualTo(FieldRule.WhenNotFound.REJECT);
    }

    @Test
    void aFindNeedsItsObjectItsFieldAndAKnownPolicy() throws IOException {
        assertThat(problems("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  OwnerId: {column: owner_email, find: {object: User, unknown: default}}
                  ReportsToId: {column: manager, find: {object: Contact, by: Email, unknown: ignore}}
                  MasterRecordId: {column: master, find: {object: Contact, by: Email, default: 003000000000001AAA}}
                """))
                .contains("fields.OwnerId.find.by: missing (expected a text value)")
                .contains("fields.OwnerId.find: unknown: default needs default: <the id to use>")
                .contains("fields.ReportsToId.find.unknown: expected one of [reject, default, leave], found \"ignore\"")
                .contains("fields.MasterRecordId.find.default: used only with unknown: default");
    }

    @Test
    void theExternalIdFieldIsTheLegacyIdsAndNoMappingSetsIt() throws IOException {
        assertThat(problems("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  LastName: lastName
                  legacy_id__c:
                    expression: "CRM-${body[contact_id]}"
                """)).contains("contact.yaml: fields.legacy_id__c: the external id field (externalId: Legacy_Id__c) "
                + "receives the legacy id, the key every load upserts by; a mapping that set it too would load records "
                + "under another key than the ledger's");
    }

    @Test
    void aPolymorphicReferenceNamesItsObjectsAndHowTheTypeColumnNamesThem() throws IOException {
        ObjectMapping mapping = read("""
                object: Event
                externalId: Legacy_Id__c
                fields:
                  WhoId: {parent: [Contact, Lead], column: who_id, typeColumn: who_type, types: {Leads: Lead}}
                  WhatId: {parent: [Account, Case], column: what_id}
                """);
        FieldRule.Parent who = (FieldRule.Parent) mapping.fields().get("WhoId");
        assertThat(who.objectOfType("Leads")).contains("Lead");
        assertThat(who.objectOfType("CONTACT")).contains("Contact");
        assertThat(who.objectOfType("Accounts")).isEmpty();
        assertThat(who.sourceColumns()).containsExactly("who_id", "who_type");
        assertThat(mapping.fields().get("WhatId")).isEqualTo(new FieldRule.Parent(List.of("Account", "Case"), "what_id",
                null, Map.of()));

        assertThat(problems("""
                object: Event
                externalId: Legacy_Id__c
                fields:
                  WhoId: {parent: [Contact, Lead], column: who_id, typeColumn: who_type, types: {Accounts: Account}}
                  WhatId: {parent: Account, column: what_id, typeColumn: what_type}
                  OwnerId: {parent: [], column: owner}
                """)).contains("fields.WhoId.types.Accounts: Account is not one of the parent objects [Contact, Lead]",
                "fields.WhatId.typeColumn: a reference to one object (Account) needs no type column",
                "fields.OwnerId.parent: expected an object (Account) or, for a polymorphic reference, a list of objects");
    }

    @Test
    void skipRulesArePredicatesOnTheRowWithAReason() throws IOException {
        ObjectMapping mapping = read("""
                object: Event
                externalId: Legacy_Id__c
                fields:
                  Subject: subject
                skip:
                  - when: "${body[start]} < '2024-02-01'"
                    because: older than the cut-off
                """);
        SkipRule rule = mapping.skip().get(0);
        assertThat(rule.columnsRead()).containsExactly("start");
        assertThat(rule.matches(MappingFiles.CAMEL, Map.of("start", "2023-12-31 10:00"))).isTrue();
        assertThat(rule.matches(MappingFiles.CAMEL, Map.of("start", "2024-02-01 08:00"))).isFalse();

        assertThat(problems("""
                object: Event
                externalId: Legacy_Id__c
                fields:
                  Subject: subject
                skip:
                  - when: "${body[start]} < '2024-02-01'"
                  - {when: "${body[start] <", because: broken}
                """)).contains("skip[0]: expected {when: <simple predicate on the row>, because: <why>}",
                "skip[1].when: not a valid simple predicate");
    }

    @Test
    void aCutoffReadsTheDateAsWrittenIgnoringTheTimeOfDay() throws Exception {
        Cutoff cutoff = read("""
                object: Event
                externalId: Legacy_Id__c
                fields:
                  Subject: subject
                cutoff: {column: start, formats: [dd/MM/yyyy HH:mm, dd/MM/yyyy], date: 2024-02-01}
                """).cutoff().orElseThrow();
        assertThat(cutoff.date()).contains(LocalDate.of(2024, 2, 1));
        assertThat(cutoff.dateOf(Map.of("start", "31/01/2024 23:59"))).contains(LocalDate.of(2024, 1, 31));
        assertThat(cutoff.dateOf(Map.of("start", " 01/02/2024 "))).contains(LocalDate.of(2024, 2, 1));
        assertThat(cutoff.dateOf(Map.of("start", ""))).as("an undated record is not old").isEmpty();
        Rejection unreadable = catchThrowableOfType(Rejection.class,
                () -> cutoff.dateOf(Map.of("start", "2024-01-31")));
        assertThat(unreadable.reasonCode()).isEqualTo("INVALID_DATE");
        assertThat(unreadable.getMessage()).contains("[dd/MM/yyyy HH:mm, dd/MM/yyyy]");

        Cutoff isoByDefault = read("""
                object: Task
                externalId: Legacy_Id__c
                fields:
                  Subject: subject
                cutoff: {column: due_date}
                """).cutoff().orElseThrow();
        assertThat(isoByDefault.date()).as("the run gives it").isEmpty();
        assertThat(isoByDefault.dateOf(Map.of("due_date", "2023-11-07"))).contains(LocalDate.of(2023, 11, 7));

        assertThat(problems("""
                object: Task
                externalId: Legacy_Id__c
                fields:
                  Subject: subject
                cutoff: {column: due_date, date: 01/02/2024, when: always}
                """)).contains("cutoff: unknown key 'when'", "cutoff.date: '01/02/2024' is not a date (yyyy-MM-dd)");
        assertThat(problems("""
                object: Task
                externalId: Legacy_Id__c
                fields:
                  Subject: subject
                cutoff: due_date
                """)).contains("cutoff: expected {column: <the date column>");
        assertThat(problems("""
                object: Task
                externalId: Legacy_Id__c
                fields:
                  Subject: subject
                cutoff: {column: due_date, formats: [yyyy-MM-dd, "dd/MM/yyyy'"]}
                """)).contains("cutoff.formats: not a date pattern");
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
        ObjectMapping mapping = new MappingFileReader(write(yaml), problems, MappingFiles.CAMEL).read();
        problems.throwIfAny();
        return mapping;
    }

    private String problems(String yaml) throws IOException {
        ConfigurationProblems problems = new ConfigurationProblems("the mapping files");
        new MappingFileReader(write(yaml), problems, MappingFiles.CAMEL).read();
        return catchThrowable(problems::throwIfAny).getMessage();
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("contact.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
