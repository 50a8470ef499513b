package io.cutover.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * A junction record edited in the legacy CRM after it was loaded: Salesforce lets a CampaignMember's CampaignId and an
 * OpportunityContactRole's OpportunityId be set when the record is created, never changed afterwards, and refuses an
 * update that carries them ({@code INVALID_FIELD_FOR_INSERT_UPDATE}), even with the values they already have. The update
 * leaves them out, through sObject collections (this class) and through Bulk API 2.0 ({@link ChangedJunctionsBulkTest}).
 */
@QuarkusTest
@QuarkusTestResource(value = WholeCrmMigrationTest.WholeCrmSample.class, restrictToAnnotatedClass = true)
class ChangedJunctionsTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;

    @Test
    void anEditedJunctionIsUpdatedWithoutItsCreateOnlyFields() throws IOException {
        assertThat(launcher.runNow().status()).isEqualTo("completed");
        Map<String, String> campaignsBefore = new SandboxQueries(camel).byLegacyId("CampaignMember", "CampaignId");

        edit("campaign_members.csv", "CM-001,CMP-001,ContactRef137,,sent", "CM-001,CMP-001,ContactRef137,,responded");
        edit("opportunity_contacts.csv", "OCR-001,OPP-001,ContactRef8,Decision Maker", "OCR-001,OPP-001,ContactRef8,Influencer");
        RunReport second = launcher.runNow();

        assertThat(second.status()).isEqualTo("completed");
        for (String object : new String[] {"CampaignMember", "OpportunityContactRole"}) {
            assertThat(second.objects().get(object).rejected()).as(object + " rejected").isZero();
            assertThat(second.objects().get(object).updated()).as(object + " updated").isEqualTo(1);
        }
        SandboxQueries target = new SandboxQueries(camel);
        assertThat(target.byLegacyId("CampaignMember", "Status")).containsEntry("CM-001", "Responded");
        assertThat(target.byLegacyId("CampaignMember", "CampaignId")).isEqualTo(campaignsBefore);
        assertThat(target.byLegacyId("OpportunityContactRole", "Role")).containsEntry("OCR-001", "Influencer");
    }

    private static void edit(String file, String line, String replacement) throws IOException {
        Path export = WholeCrmMigrationTest.WholeCrmSample.sample.resolve("export").resolve(file);
        String content = Files.readString(export);
        assertThat(content).contains(line + "\n");
        Files.writeString(export, content.replace(line + "\n", replacement + "\n"));
    }
}
