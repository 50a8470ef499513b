package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.mapping.profile.ProfileLimits;
import io.cutover.run.LegacyCrmExport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auto-map, profile and mapping-doc commands on the sample export read from the legacy CRM simulator's REST API,
 * through the source stage's REST reader: the same columns and numbers as from the CSV files.
 */
@QuarkusTest
@QuarkusTestResource(value = LegacyCrmExport.class, restrictToAnnotatedClass = true)
class RestMappingToolsTest {

    @Inject
    MappingTools tools;

    @Test
    void autoMapProposesFromTheFieldsOfTheFirstPage(@TempDir Path folder) throws IOException {
        tools.autoMap(folder);

        String contact = Files.readString(folder.resolve("contact.yaml"));
        assertThat(contact).contains("  LastName: lastName   # confidence 1.00: the field's API name\n",
                "  AccountId: {parent: Account, column: account_id}   # confidence 1.00");
        assertThat(Files.readString(folder.resolve("account.yaml"))).contains("  BillingPostalCode: billingpostalcode   #");
    }

    @Test
    void profileReadsEveryPageAndLocatesValuesByRecordNumber(@TempDir Path folder) throws IOException {
        tools.profile(folder, ProfileLimits.DEFAULTS);

        JsonNode json = new ObjectMapper().readTree(folder.resolve("profile.json").toFile());
        JsonNode contacts = json.get(1);
        assertThat(contacts.get("object").asText()).isEqualTo("Contact");
        assertThat(contacts.get("file").asText()).endsWith("/legacy-crm/api/contacts?per_page=40");
        assertThat(contacts.get("records").asLong()).as("the sample's contacts, over 4 pages").isEqualTo(150);
        assertThat(contacts.get("charset").isNull()).isTrue();
        JsonNode industry = json.get(0).get("columns").findParents("column").stream()
                .filter(column -> column.get("column").asText().equals("industry")).findFirst().orElseThrow();
        assertThat(industry.get("targetField").asText()).isEqualTo("Industry");
        assertThat(industry.get("longestLength").asInt()).as("Biotechnology: Laboratory Analytical Instruments").isEqualTo(48);
        assertThat(industry.get("longestLine").asLong()).as("the account on line 12 of the CSV is record 11").isEqualTo(11);
        assertThat(Files.readString(folder.resolve("profile.md")))
                .contains("## Contact: http://localhost:" + LegacyCrmExport.PORT + "/legacy-crm/api/contacts?per_page=40\n\n150 records;")
                .contains("| 48 (record 11), **1 longer than 40** |");
    }

    @Test
    void mappingDocTakesItsExamplesFromTheApi(@TempDir Path folder) throws IOException {
        tools.mappingDocument(folder);

        assertThat(Files.readString(folder.resolve("mapping.md")))
                .contains("## Contact ← http://localhost:" + LegacyCrmExport.PORT + "/legacy-crm/api/contacts?per_page=40")
                .contains("| Phone | phone | phone | 40 |  | phone (region: US, regionColumn: billingcountry, invalid: keep) "
                        + "| `1(302)556-4395` | `+13025564395` |");
    }
}
