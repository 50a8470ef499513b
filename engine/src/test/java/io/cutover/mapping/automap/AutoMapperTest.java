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

    private static final Path REPORT_EXPORT = Path.of("engine/src/test/resources/lwc-recipes/Accounts-Contacts.csv");
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

    @Test
    void headersInGermanAndSpanishMeetTheirFieldsToo() {
        assertThat(propose("Account", List.of("Firmenname", "Telefonnummer", "Webseite", "PLZ", "Bundesland", "Branche",
                "Liefer-PLZ")).fields()).extracting(MappingProposal.ProposedField::column, MappingProposal.ProposedField::field)
                .containsExactly(tuple("Firmenname", "Name"), tuple("Telefonnummer", "Phone"), tuple("Webseite", "Website"),
                        tuple("PLZ", "BillingPostalCode"), tuple("Bundesland", "BillingState"), tuple("Branche", "Industry"),
                        tuple("Liefer-PLZ", "ShippingPostalCode"));
        assertThat(propose("Contact", List.of("Nombre", "Apellidos", "Correo electrónico", "Móvil", "Provincia", "Origen"))
                .fields()).extracting(MappingProposal.ProposedField::column, MappingProposal.ProposedField::field)
                .containsExactly(tuple("Nombre", "FirstName"), tuple("Apellidos", "LastName"),
                        tuple("Correo electrónico", "Email"), tuple("Móvil", "MobilePhone"), tuple("Provincia", "MailingState"),
                        tuple("Origen", "LeadSource"));
    }

    @Test
    void regionAndOriginAndTheOtherObjectsFields() {
        assertThat(propose("Contact", List.of("Région", "Origine", "Service")).fields())
                .extracting(MappingProposal.ProposedField::column, MappingProposal.ProposedField::field)
                .containsExactly(tuple("Région", "MailingState"), tuple("Origine", "LeadSource"), tuple("Service", "Department"));
        assertThat(propose("Lead", List.of("Société", "Nom", "Statut", "Origine")).fields())
                .extracting(MappingProposal.ProposedField::column, MappingProposal.ProposedField::field)
                .containsExactly(tuple("Société", "Company"), tuple("Nom", "LastName"), tuple("Statut", "Status"),
                        tuple("Origine", "LeadSource"));
        assertThat(propose("Opportunity", List.of("Étape", "Montant", "Date de clôture", "Wahrscheinlichkeit")).fields())
                .extracting(MappingProposal.ProposedField::column, MappingProposal.ProposedField::field)
                .containsExactly(tuple("Étape", "StageName"), tuple("Montant", "Amount"), tuple("Date de clôture", "CloseDate"),
                        tuple("Wahrscheinlichkeit", "Probability"));
        assertThat(propose("Case", List.of("Origen", "Motivo", "Priorität")).fields())
                .extracting(MappingProposal.ProposedField::column, MappingProposal.ProposedField::field)
                .containsExactly(tuple("Origen", "Origin"), tuple("Motivo", "Reason"), tuple("Priorität", "Priority"));
    }

    /**
     * Every standard field a legacy export holds, of every object the product ships a describe and a sample for, has
     * names in English, French, German and Spanish at least. Left out: geolocation, Data.com and system fields, which no
     * legacy CRM exports.
     */
    @Test
    void everyStandardFieldOfTheObjectsShippedHasSynonymsInFourLanguages() {
        FieldSynonyms synonyms = FieldSynonyms.builtIn();
        java.util.regex.Pattern notExported = java.util.regex.Pattern.compile("Latitude|Longitude|GeocodeAccuracy|Jigsaw|"
                + "CleanStatus|DunsNumber|Tradestyle|Naics|SicDesc|YearStarted|__c$|^IsConverted$|^IsUnreadByOwner$|"
                + "^IsPrivate$|EmailBounced|TaskSubtype|ForecastCategoryName|TotalOpportunityQuantity");
        List<String> missing = new java.util.ArrayList<>();
        int fields = 0;
        for (String object : List.of("Account", "Contact", "Lead", "Opportunity", "Case", "Task", "Campaign",
                "CampaignMember")) {
            for (TargetField field : TargetField.of(DESCRIBES.describe(object).orElseThrow())) {
                if (!field.createable() || field.parent() != null || field.name().endsWith("__c")
                        || notExported.matcher(field.name()).find()) {
                    continue;
                }
                fields++;
                java.util.Set<String> languages = synonyms.languages(object, field.name());
                if (!languages.containsAll(List.of("en", "fr", "de", "es"))) {
                    missing.add(object + "." + field.name() + " " + languages);
                }
            }
        }
        assertThat(fields).as("the fields checked").isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    @Test
    void theLegacyIdColumnGoesToTheExternalIdNotToTheTargetsId() {
        MappingProposal contact = MAPPER.propose("Contact", "contacts.csv", List.of("contact_id", "Nachname", "E-Mail"),
                TargetField.of(DESCRIBES.describe("Contact").orElseThrow()), List.of("contact_id"));

        assertThat(contact.legacyIdColumns()).containsExactly("contact_id");
        assertThat(contact.unmatched()).isEmpty();
        assertThat(DraftMappingWriter.yaml(contact)).contains("externalId: Legacy_Id__c   # the target's external-id field "
                + "that receives the legacy id, column 'contact_id' (legacyId in the source description)\n");
        assertThat(MAPPER.propose("Contact", "contacts.csv", List.of("contact_id"),
                TargetField.of(DESCRIBES.describe("Contact").orElseThrow())).unmatched())
                .as("without the source description, an id column looks like Contact.Id")
                .extracting(MappingProposal.UnmatchedColumn::column).containsExactly("contact_id");
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
