package io.cutover.run;

import io.cutover.state.StateStore;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sample migration into a sandbox that fails often: server errors, throttling, the daily limit, expired sessions
 * and row locks between parallel batches. Every record still ends loaded or rejected with a reason, the ledger's
 * counts equal the export's, and the target holds each record once.
 */
@QuarkusTest
@TestProfile(FaultyTargetTest.ParallelWithRetries.class)
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class FaultyTargetTest {

    public static class ParallelWithRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.load.parallelism", "4", "cutover.load.batch-size", "20", "cutover.load.max-attempts", "12");
        }
    }

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    @StateStore
    DataSource state;

    @AfterEach
    void noFaults() {
        faults(Map.of());
    }

    @Test
    void everyRecordEndsLoadedOrRejectedWithAReasonAndIsInTheTargetOnce() throws SQLException {
        faults(Map.of("error500Rate", 0.1, "error503Rate", 0.1, "error429Rate", 0.1, "requestLimitRate", 0.05,
                "sessionExpiryRate", 0.05, "unableToLockRow", true, "latencyPerRecordMs", 2, "seed", 20261122));

        RunReport report = launcher.runNow();
        faults(Map.of());

        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.accountedFor()).as(report.toString()).isTrue();
        ObjectCounts accounts = report.objects().get("Account");
        ObjectCounts contacts = report.objects().get("Contact");
        assertThat(accounts.read()).isEqualTo(50);
        assertThat(contacts.read()).isEqualTo(150);
        // the faults did happen: far more calls than the 3 + 8 batches need
        assertThat(report.calls()).as(report.apiCalls().toString()).isGreaterThan(11);
        assertThat(rejectsWithoutReason(report.runId())).isZero();

        SandboxQueries target = new SandboxQueries(camel);
        assertLoadedOnce(target, "Account", accounts.loaded() + accounts.updated());
        assertLoadedOnce(target, "Contact", contacts.loaded() + contacts.updated());
        Map<String, String> accountIds = target.byLegacyId("Account", "Id");
        Map<String, String> targetIdsInLedger = ledgerTargetIds("Contact");
        target.byLegacyId("Contact", "Id").forEach((legacyId, id) -> assertThat(targetIdsInLedger.get(legacyId))
                .as("the ledger's target id of contact %s", legacyId).isEqualTo(id));
        assertThat(accountIds.values()).doesNotContainNull();
    }

    private static void assertLoadedOnce(SandboxQueries target, String object, long loaded) {
        var records = target.query("SELECT Legacy_Id__c FROM " + object).get("records");
        Set<String> legacyIds = new HashSet<>();
        records.forEach(record -> assertThat(legacyIds.add(record.get("Legacy_Id__c").asText()))
                .as("%s %s is in the target once", object, record.get("Legacy_Id__c").asText()).isTrue());
        assertThat(legacyIds).as(object).hasSize((int) loaded);
    }

    private long rejectsWithoutReason(String runId) throws SQLException {
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement("select count(*) from outcome where run_id = ? "
                        + "and outcome = 'rejected' and (reason_code is null or message is null)")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Map<String, String> ledgerTargetIds(String object) throws SQLException {
        Map<String, String> ids = new java.util.HashMap<>();
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select legacy_id, target_id from ledger where object_name = ? and target_id is not null")) {
            select.setString(1, object);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.put(row.getString(1), row.getString(2));
                }
            }
        }
        return ids;
    }

    private static void faults(Map<String, Object> faults) {
        given().contentType(ContentType.JSON).body(faults).put("/sandbox/admin/faults").then().statusCode(200);
    }
}
