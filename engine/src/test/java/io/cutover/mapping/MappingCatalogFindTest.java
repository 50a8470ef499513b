package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cutover.mapping.transform.Rejection;
import io.cutover.schema.BuiltInDescribes;
import io.cutover.source.SourceCatalogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the start-up check says about finds, expressions and constants against the target's describes. */
class MappingCatalogFindTest {

    @TempDir
    Path dir;

    @Test
    void aFindMustFillAFieldReferencingItsObjectAndCompareAnExistingTextField() throws IOException {
        String problems = problems("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  LastName: last_name
                  OwnerId:
                    column: owner
                    find: {object: User, by: Email, unknown: default, default: 0018d000000Ab1cAAC}
                  ReportsToId: {column: manager, find: {object: Contact, by: Birthdate}}
                  AccountId: {column: company, find: {object: Account, by: Nickname__c}}
                  MasterRecordId: {column: company, find: {object: Account, by: Name}}
                  MailingGeocodeAccuracy: {constant: Rooftop}
                  Description: {expression: "Client depuis ${body[since]}"}
                """);

        assertThat(problems)
                .contains("fields.OwnerId.find.default: '0018d000000Ab1cAAC' would be refused by the target "
                        + "(REFERENCE_TO_WRONG_OBJECT): the id of a record of Account (001), but the field references User (005)")
                .contains("fields.ReportsToId.find.by: Contact.Birthdate is a date field; a find compares text fields")
                .contains("fields.AccountId.find.by: Account has no field Nickname__c")
                .contains("fields.MailingGeocodeAccuracy.constant: 'Rooftop' would be refused by the target "
                        + "(INVALID_PICKLIST_VALUE)")
                .contains("fields.Description: column 'since' is not in ");
        assertThat(problems).as("MasterRecordId is read-only, which the check says first").contains("MasterRecordId");
    }

    @Test
    void aFindOfAnotherObjectThanTheFieldReferencesStopsTheStart() throws IOException {
        assertThat(problems("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  LastName: last_name
                  OwnerId: {column: owner, find: {object: Contact, by: Email}}
                """)).contains("fields.OwnerId.find.object: Contact.OwnerId does not reference Contact (it references [User])");
    }

    @Test
    void aValidFindIsBoundToTheFieldItComparesWith() throws IOException, Rejection {
        MappingCatalog catalog = catalog("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  LastName: last_name
                  OwnerId:
                    column: owner
                    transforms: [trim, truncate]
                    find: {object: User, by: Email, where: IsActive = true, unknown: leave}
                """);

        FieldRule.Find owner = (FieldRule.Find) catalog.forObject("Contact").fields().get("OwnerId");
        String longAddress = "ventes.europe.centrale.et.orientale.".repeat(4) + "@cutover-demo.fr";
        assertThat(owner.key().transforms().apply(longAddress, Map.of()))
                .as("cut to User.Email's 128 characters, not OwnerId's 18").hasSize(128);
    }

    @Test
    void aValueMapOntoARestrictedPicklistMustGiveItsValuesOnly() throws IOException {
        String problems = problems("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  LastName: last_name
                  MailingGeocodeAccuracy:
                    column: company
                    transforms:
                      - map: {values: {exact: Address, street: Streets, town: City}, unknown: default, default: Unkown}
                """);

        assertThat(problems).contains("fields.MailingGeocodeAccuracy.transforms: the value map gives 'Streets', which "
                        + "the target would refuse (INVALID_PICKLIST_VALUE)")
                .contains("the value map gives 'Unkown'")
                .contains("its values: [Address, NearAddress, Block, Street,")
                .doesNotContain("'Address'").doesNotContain("'City'");
    }

    @Test
    void aValueMapOntoAnUnrestrictedPicklistOrGivingTheRightValuesPasses() throws IOException {
        MappingCatalog catalog = catalog("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  LastName: last_name
                  MailingGeocodeAccuracy:
                    column: company
                    transforms: [{map: {values: {exact: Address, street: Street}}}]
                  LeadSource:
                    column: owner
                    transforms: [{map: {values: {web: Web, fair: Trade Fair}}}]
                """);

        assertThat(catalog.objects()).containsExactly("Contact");
    }

    @Test
    void theColumnsASkipRuleOrACutoffReadMustBeInTheExport() throws IOException {
        assertThat(problems("""
                object: Contact
                externalId: Legacy_Id__c
                fields:
                  LastName: last_name
                skip:
                  - {when: "${body[status]} == 'test'", because: a test record}
                cutoff: {column: created_at}
                """)).contains("skip[0].when: column 'status' is not in ")
                .contains("cutoff.column: column 'created_at' is not in ")
                .contains("(columns: [contact_id, last_name, owner, manager, company])");
    }

    private String problems(String mapping) throws IOException {
        return catchThrowable(() -> catalog(mapping)).getMessage();
    }

    private MappingCatalog catalog(String mapping) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve("contacts.yaml"), "object: Contact\nfile: contacts.csv\nlegacyId: contact_id\n");
        Files.writeString(dir.resolve("contacts.csv"), "contact_id,last_name,owner,manager,company\n"
                + "CON-001,Martin,jean-luc.lefevre@cutover-demo.fr,,Société Générale Logistique\n");
        Path mappings = Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(mappings.resolve("contact.yaml"), mapping);
        return new MappingCatalog(mappings, SourceCatalogs.of(sources, dir), BuiltInDescribes.schema(), MappingFiles.CAMEL,
                "salesforce");
    }
}
