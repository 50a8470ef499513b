package io.cutover.mapping.automap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cutover.schema.BuiltInDescribes;
import io.cutover.schema.DescribeDocuments;
import io.cutover.source.CsvExportReader;
import io.cutover.source.CsvSettings;
import io.cutover.source.ExportDescription;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Auto-mapping against the real Account and Contact describes. */
class AutoMapperTest {

    private static final Path REPORT_EXPORT = Path.of("src/test/resources/lwc-recipes/Accounts-Contacts.csv");
    private static final DescribeDocuments DESCRIBES = BuiltInDescribes.load();
    private static final AutoMapper MAPPER = AutoMapper.forGlobalDescribe(FieldSynonyms.builtIn(), DESCRIBES.global());

    @Test
    void aSalesforceReportExportMapsItsAccountColumnsOntoAccount() throws IOException {
        MappingProposal account = propose("Account", reportHeader());

        assertThat(account.fields()).extracting(MappingProposal.ProposedField::column, MappingProposal.ProposedField::field)
                .containsExactly(tuple("Account: Account Name", "Name"), tuple("Account: Type", "Type"),
                        tuple("Account: Phone", "Phone"));
        assertThat(account.unmatched()).extracting(MappingProposal.UnmatchedColumn::column).containsExactly(
                "Contact: First Name", "Contact: Last Name", "Contact: Title", "Contact: Phone", "Contact: Email",
                "Contact: Picture");
        assertThat(account.unmatched().get(0).reason()).isEqualTo("a report column of Contact, for its own mapping");
        assertThat(account.externalIdField()).isEqualTo("Legacy_Id__c");
    }

    @Test
    void aSalesforceReportExportMapsItsContactColumnsOntoContactAndSaysWhyThePictureIsLeftOut() throws IOException {
        MappingProposal contact = propose("Contact", reportHeader());

        assertThat(contact.fields()).extracting(MappingProposal.ProposedField::column, MappingProposal.ProposedField::field)
                .containsExactly(tuple("Contact: First Name", "FirstName"), tuple("Contact: Last Name", "LastName"),
                        tuple("Contact: Title", "Title"), tuple("Contact: Phone", "Phone"),
                        tuple("Contact: Email", "Email"));
        assertThat(contact.unmatched()).extracting(MappingProposal.UnmatchedColumn::column).containsExactly(
                "Account: Account Name", "Account: Type", "Account: Phone", "Contact: Picture");
        assertThat(contact.unmatched().get(3).reason()).startsWith("looks like Contact.PhotoUrl")
                .endsWith("which the target does not let a migration write");
        assertThat(contact.fields().get(0).reason()).as("FirstName split at its capital").isEqualTo("the field's API name");
    }

    @Test
    void headersInFrenchRomanianAndFinnishMeetTheirFieldsWhateverTheirAccentsAndCase() {
        assertThat(propose("Account", List.of("Société", "TÉLÉPHONE", "Courriel", "site_web", "annualRevenue", "Pays"))
                .fields()).extracting(MappingProposal.ProposedField::column, MappingProposal.ProposedField::field)
                .containsExactly(tuple("Société", "Name"), tuple("TÉLÉPHONE", "Phone"), tuple("site_web", "Website"),
                        tuple("annualRevenue", "AnnualRevenue"), tuple("Pays", "BillingCountry"));
        assertThat(propose("Account", List.of("Companie", "Telefon")).fields())
                .extracting(MappingProposal.ProposedField::field).containsExactly("Name", "Phone");
        MappingProposal finnish = propose("Contact", List.of("Etunimi", "Sukunimi", "Sähköposti", "Puhelin", "Yritys"));
        assertThat(finnish.fields()).extracting(MappingProposal.ProposedField::column, MappingProposal.ProposedField::field)
                .containsExactly(tuple("Etunimi", "FirstName"), tuple("Sukunimi", "LastName"),
                        tuple("Sähköposti", "Email"), tuple("Puhelin", "Phone"));
        assertThat(finnish.fields().get(2).reason()).isEqualTo("synonym 'sähköposti' (fi)");
        assertThat(finnish.unmatched()).extracting(MappingProposal.UnmatchedColumn::column).containsExactly("Yritys");
    }

    @Test
    void anAccountsEmailIsNotGuessedBecauseAccountHasNoEmailField() {
        MappingProposal account = propose("Account", List.of("Yritys", "E-mail"));

        assertThat(account.fields()).extracting(MappingProposal.ProposedField::field).containsExactly("Name");
        assertThat(account.unmatched()).containsExactly(new MappingProposal.UnmatchedColumn("E-mail",
                "no field name, label or synonym of Account matches it"));
    }

    @Test
    void theSurerOfTwoColumnsForOneFieldKeepsItAndTheOtherIsListed() {
        MappingProposal account = propose("Account", List.of("Société", "Name"));

        assertThat(account.fields()).extracting(MappingProposal.ProposedField::column).containsExactly("Name");
        assertThat(account.unmatched()).extracting(MappingProposal.UnmatchedColumn::column).containsExactly("Société");
        assertThat(account.unmatched().get(0).reason()).contains("proposed for column 'Name' instead");
    }

    @Test
    void theDraftIsAMappingFileWithTheReasonsAsComments() throws IOException {
        String draft = DraftMappingWriter.yaml(propose("Account", reportHeader()));

        JsonNode parsed = new YAMLMapper().readTree(draft);
        assertThat(parsed.get("object").asText()).isEqualTo("Account");
        assertThat(parsed.get("externalId").asText()).isEqualTo("Legacy_Id__c");
        assertThat(parsed.get("fields").get("Name").asText()).isEqualTo("Account: Account Name");
        assertThat(draft).contains("  Name: \"Account: Account Name\"   # confidence 0.95: the field's label 'Account Name'\n")
                .contains("#   Contact: Picture: a report column of Contact, for its own mapping\n");
    }

    private static MappingProposal propose(String object, List<String> header) {
        return MAPPER.propose(object, "test", header, TargetField.of(DESCRIBES.describe(object).orElseThrow()));
    }

    private static List<String> reportHeader() throws IOException {
        ExportDescription export = new ExportDescription(Path.of("test.yaml"), "Account", REPORT_EXPORT, "none",
                CsvSettings.DEFAULTS);
        try (CsvExportReader reader = new CsvExportReader(export)) {
            return reader.header();
        }
    }
}
