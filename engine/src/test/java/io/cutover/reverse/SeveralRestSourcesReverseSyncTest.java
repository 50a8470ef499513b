package io.cutover.reverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.SandboxQueries;
import io.cutover.source.TwoWayTwoLegacyCrms;
import io.cutover.state.TargetChanges;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * The reverse sync of an object with two REST sources ({@link TwoWayTwoLegacyCrms}): a target change goes back under
 * the id its CRM knows the record by (its legacy id without the namespace), to a source that owns it; a contact created
 * in the target is created in the CRM whose writeBack creates, under its own account, and gets that CRM's namespace.
 * Both sources serve the simulator's one collection here: that each call reaches the CRM of its namespace, and not the
 * other, is LegacyRecordsOfSeveralSourcesTest's, with two servers.
 */
@QuarkusTest
@QuarkusTestResource(value = TwoWayTwoLegacyCrms.class, restrictToAnnotatedClass = true)
class SeveralRestSourcesReverseSyncTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    TargetChanges targetChanges;

    @Test
    void eachTargetChangeReachesTheCrmItsRecordComesFrom() {
        RunReport bulk = launcher.runNow();
        assertThat(bulk.status()).isEqualTo("completed");
        BothSides sides = new BothSides(camel);
        SandboxQueries target = new SandboxQueries(camel);
        Map<String, String> contacts = target.byLegacyId("Contact", "Id");
        Map<String, String> accounts = target.byLegacyId("Account", "Id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !targetChanges.counts().isEmpty()
                && BothSides.waiting(targetChanges.counts()) == 0);

        sides.editInTarget("Contact", contacts.get("eu:ContactRef7"), Map.of("Title", "Edited in Salesforce (EU)"));
        sides.editInTarget("Contact", contacts.get("us:ContactRef45"), Map.of("Title", "Edited in Salesforce (US)"));
        String created = sides.createInTarget("Contact", Map.of("LastName", "Created in Salesforce",
                "AccountId", accounts.get("AccountRef3")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(BothSides.inLegacy("contacts", "ContactRef7").getString("title"))
                    .isEqualTo("Edited in Salesforce (EU)");
            assertThat(BothSides.inLegacy("contacts", "ContactRef45").getString("title"))
                    .isEqualTo("Edited in Salesforce (US)");
            assertThat(sides.inTarget("Contact", created, "Legacy_Id__c")).startsWith("eu:ContactNew");
        });
        String createdInLegacy = sides.inTarget("Contact", created, "Legacy_Id__c").substring("eu:".length());
        assertThat(BothSides.inLegacy("contacts", createdInLegacy).getString("lastName")).isEqualTo("Created in Salesforce");
        assertThat(BothSides.inLegacy("contacts", createdInLegacy).getString("account_id")).isEqualTo("AccountRef3");
        assertThat(targetChanges.counts()).containsEntry("applied/CREATED", 1L)
                .doesNotContainKeys("rejected/NO_LEGACY_SOURCE", "rejected/PARENT_IN_OTHER_SOURCE", "rejected/HTTP_404");
    }
}
