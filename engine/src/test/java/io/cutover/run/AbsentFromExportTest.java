package io.cutover.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Deletions shown by absence (cutover.sync.authoritative): contacts are authoritative, so a full run whose export
 * lacks contacts the target holds deletes them from the target, reports them deleted, and counts them read; the next
 * run deletes nothing more; an export cut short deletes nothing and fails the run.
 */
@QuarkusTest
@TestProfile(AbsentFromExportTest.AuthoritativeContacts.class)
class AbsentFromExportTest {

    public static class AuthoritativeContacts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.sync.authoritative", "Contact", "cutover.sync.absent.max-share", "0.1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SampleExport.class));
        }
    }

    private static final List<String> LEFT_OUT = List.of("ContactRef2", "ContactRef7", "ContactRef140");

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;

    /**
     * One story, step by step (a complete export, its rerun, then a short one): each step works on what the one before
     * left in the target and the ledger.
     */
    @Test
    void recordsLeftOutOfACompleteExportAreDeletedOnceAndNoneOnAShortExport() throws Exception {
        contactsLeftOutOfTheCompleteExportAreDeletedFromTheTarget();
        theNextRunFindsNothingMoreToDelete();
        anExportCutShortDeletesNothingAndFailsTheRun();
    }

    private void contactsLeftOutOfTheCompleteExportAreDeletedFromTheTarget() throws IOException {
        given().post("/sandbox/admin/reset").then().statusCode(200);
        assertThat(launcher.runNow().objects().get("Contact")).isEqualTo(new ObjectCounts(150, 150, 0, 0, 0, 0, 0, 0));
        Map<String, String> before = new SandboxQueries(camel).byLegacyId("Contact", "Id");
        assertThat(before).containsKeys(LEFT_OUT.toArray(String[]::new));

        keepContactRows(row -> LEFT_OUT.stream().noneMatch(id -> row.startsWith(id + ",")));
        RunReport second = launcher.runNow();

        assertThat(second.status()).isEqualTo("completed");
        assertThat(second.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 0, 0, 147, 0, 0, 0, 3));
        assertThat(second.objects().get("Account")).isEqualTo(new ObjectCounts(50, 0, 0, 50, 0, 0, 0, 0));
        Map<String, String> after = new SandboxQueries(camel).byLegacyId("Contact", "Id");
        assertThat(after).hasSize(147).doesNotContainKeys(LEFT_OUT.toArray(String[]::new));
    }

    private void theNextRunFindsNothingMoreToDelete() {
        RunReport third = launcher.runNow();

        assertThat(third.objects().get("Contact")).isEqualTo(new ObjectCounts(147, 0, 0, 147, 0, 0, 0, 0));
        assertThat(new SandboxQueries(camel).byLegacyId("Contact", "Id")).hasSize(147);
    }

    private void anExportCutShortDeletesNothingAndFailsTheRun() throws IOException {
        int[] kept = {0};
        keepContactRows(row -> kept[0]++ < 100);

        RunReport cutShort = launcher.runNow();

        assertThat(cutShort.status()).isEqualTo("failed");
        assertThat(cutShort.error()).contains("Contact: 47 of the 147 records in the target are missing",
                "cutover.sync.absent.max-share");
        assertThat(new SandboxQueries(camel).byLegacyId("Contact", "Id")).hasSize(147);
    }

    private static void keepContactRows(java.util.function.Predicate<String> keep) throws IOException {
        Path export = SampleExport.exportDir.resolve("contacts.csv");
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(keep).forEach(kept::add);
        Files.write(export, kept, StandardCharsets.UTF_8);
    }
}
