package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.mapping.profile.ProfileLimits;
import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands of the auto-map, profile and mapping-doc modes on the sample's sources, mappings and exports. */
@QuarkusTest
@QuarkusTestResource(value = SalesforceSandbox.class, restrictToAnnotatedClass = true)
class MappingToolsTest {

    @Inject
    MappingTools tools;

    @Test
    void autoMapWritesADraftPerDescribedExport(@TempDir Path folder) throws IOException {
        List<Path> written = tools.autoMap(folder);

        assertThat(written).containsExactly(folder.resolve("account.yaml"), folder.resolve("contact.yaml"));
        String contact = Files.readString(folder.resolve("contact.yaml"));
        assertThat(contact).contains("object: Contact\n", "externalId: Legacy_Id__c   # the target's external-id field "
                + "that receives the legacy id, column 'contact_id' (legacyId in the source description)\n",
                "  LastName: lastName   # confidence 1.00: the field's API name\n", "  Email: email   # confidence 1.00",
                "  AccountId: {parent: Account, column: account_id}   # confidence 1.00: the field's API name; "
                        + "the column holds the legacy id of the Account\n");
        assertThat(contact).as("the legacy id column is the external id's, not Contact.Id's").doesNotContain("#   contact_id");
        assertThat(Files.readString(folder.resolve("account.yaml"))).contains("  BillingPostalCode: billingpostalcode   #");
    }

    @Test
    void profileWritesJsonAndMarkdownForEveryDescribedExport(@TempDir Path folder) throws IOException {
        List<Path> written = tools.profile(folder, ProfileLimits.DEFAULTS);

        assertThat(written).containsExactly(folder.resolve("profile.json"), folder.resolve("profile.md"));
        JsonNode json = new ObjectMapper().readTree(folder.resolve("profile.json").toFile());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("object").asText()).isEqualTo("Account");
        assertThat(json.get(1).get("records").asLong()).as("the sample's contacts").isEqualTo(150);
        assertThat(Files.readString(folder.resolve("profile.md"))).contains("## Contact: contacts.csv (UTF-8, detected: no byte order mark, the whole file is valid UTF-8)\n\n150 records;");
    }

    @Test
    void mappingDocWritesTheTableOfEveryMapping(@TempDir Path folder) throws IOException {
        List<Path> written = tools.mappingDocument(folder);

        assertThat(written).containsExactly(folder.resolve("mapping.md"), folder.resolve("mapping.csv"));
        assertThat(Files.readString(folder.resolve("mapping.md"))).contains("## Account ← accounts.csv", "## Contact ← contacts.csv",
                "| AccountId | account_id (Account legacy id) | reference | 18 |  |  | `AccountRef10` | `the target id of Account AccountRef10` |");
        assertThat(Files.readAllLines(folder.resolve("mapping.csv")).get(0)).isEqualTo(
                "object,target field,source columns,type,length,required,transforms,example value,mapped example");
    }
}
