package io.cutover.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** A segment: the accounts of one state, and only their contacts. The sample export has 6 Texan accounts with 16 contacts. */
@QuarkusTest
@TestProfile(SegmentRunTest.TexasOnly.class)
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class SegmentRunTest {

    public static class TexasOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.run.segment.Account", "$simple{body[billingstate]} == 'TX'");
        }
    }

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;

    @Test
    void aSegmentLoadsItsRecordsAndTheirChildrenAndSkipsTheRest() {
        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 6, 0, 0, 0, 0, 44, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 16, 0, 0, 0, 0, 134, 0));
        SandboxQueries target = new SandboxQueries(camel);
        assertThat(target.byLegacyId("Account", "BillingState").values()).containsOnly("TX");
        Map<String, String> texanAccounts = target.byLegacyId("Account", "Id");
        assertThat(target.byLegacyId("Contact", "AccountId").values()).hasSize(16).allMatch(texanAccounts::containsValue);
    }
}
