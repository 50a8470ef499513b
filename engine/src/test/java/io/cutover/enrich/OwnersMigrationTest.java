package io.cutover.enrich;

import io.cutover.state.StateStore;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.state.ApiCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * The owners example end to end: the enricher step of the route template finds each legacy owner's user in the
 * sandbox by e-mail, with one SOQL query per {@value OwnersExport#VALUES_PER_QUERY} values not asked yet in the run.
 */
@QuarkusTest
@QuarkusTestResource(value = OwnersExport.class, restrictToAnnotatedClass = true)
class OwnersMigrationTest {

    private static final String SANDBOX_USER = "0058d000000AdmnAAC";

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    ApiCalls apiCalls;
    @Inject
    @StateStore
    DataSource state;

    /**
     * One story, step by step (the first run, then its rerun): each step works on what the one before left in the
     * target and the ledger.
     */
    @Test
    void ownersAreFoundByEmailAndARerunAsksOnlyForWhatIsLeft() throws Exception {
        eachRecordIsOwnedByTheActiveUserWithTheLegacyOwnersEmail();
        aRerunAsksOnlyForTheRecordsStillToLoad();
    }

    private void eachRecordIsOwnedByTheActiveUserWithTheLegacyOwnersEmail() throws IOException, SQLException {
        long queriesBefore = sandboxQueries();

        RunReport report = launcher.runNow();
        long queries = sandboxQueries() - queriesBefore;

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(6, 6, 0, 0, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(8, 6, 0, 0, 2, 0, 0, 0));
        Map<String, String> users = idsOf("SELECT Id, Username FROM User", "Username");
        Map<String, String> accountOwners = idsOf("SELECT Legacy_Id__c, OwnerId FROM Account", "Legacy_Id__c", "OwnerId");
        assertThat(accountOwners).containsEntry("ACC-001", users.get("jl.lefevre@cutover-demo.fr"))
                .containsEntry("ACC-002", users.get("ana.popescu@cutover-demo.ro"))
                .containsEntry("ACC-003", users.get("aino.virtanen@cutover-demo.fi"))
                .as("e-mail addresses compare without regard to case").containsEntry("ACC-006", users.get("ana.popescu@cutover-demo.ro"))
                .as("no such user: the mapping's default").containsEntry("ACC-004", SANDBOX_USER)
                .as("only an inactive user has it: the mapping's default").containsEntry("ACC-005", SANDBOX_USER);
        assertThat(users.get("ana.popescu@cutover-demo.ro")).startsWith("005").isNotEqualTo(SANDBOX_USER);
        Map<String, String> contactOwners = idsOf("SELECT Legacy_Id__c, OwnerId FROM Contact", "Legacy_Id__c", "OwnerId");
        assertThat(contactOwners).hasSize(6).containsEntry("CON-001", users.get("jl.lefevre@cutover-demo.fr"))
                .containsEntry("CON-008", users.get("aino.virtanen@cutover-demo.fi"));
        assertThat(idsOf("SELECT Legacy_Id__c, MailingPostalCode FROM Contact", "Legacy_Id__c", "MailingPostalCode"))
                .as("from the address the legacy CRM keeps as JSON").containsEntry("CON-008", "00100")
                .containsEntry("CON-002", "400001");
        assertThat(rejects(report.runId())).containsOnly(
                Map.entry("CON-004", "AMBIGUOUS_IN_TARGET contacts.csv line 5 (record 4): Contact CON-004: field OwnerId, "
                        + "value 'myynti@cutover-demo.fi': 2 records of User have Email 'myynti@cutover-demo.fi': "
                        + users.get("mikko.korhonen@cutover-demo.fi") + ", " + users.get("sanna.korhonen@cutover-demo.fi")),
                Map.entry("CON-005", "NOT_FOUND_IN_TARGET contacts.csv line 6 (record 5): Contact CON-005: field OwnerId, "
                        + "value 'emily.carter@cutover-demo.com': the target has no User whose Email is "
                        + "'emily.carter@cutover-demo.com' and IsActive = true"));

        // Accounts: 5 distinct e-mails; batch 1 asks 4 (2 queries), batch 2 only emily.carter (ana.popescu is known).
        // Contacts: every e-mail but myynti@ was asked for the accounts already, in the same run.
        assertThat(apiCalls.of(report.runId()))
                .hasEntrySatisfying("Account", calls -> assertThat(calls).containsEntry("query", 3L))
                .hasEntrySatisfying("Contact", calls -> assertThat(calls).containsEntry("query", 1L));
        assertThat(queries).as("the sandbox counted the same queries").isEqualTo(4);
    }

    private void aRerunAsksOnlyForTheRecordsStillToLoad() throws IOException {
        long queriesBefore = sandboxQueries();

        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(6, 0, 0, 6, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(8, 0, 0, 6, 2, 0, 0, 0));
        Map<String, Map<String, Long>> calls = apiCalls.of(report.runId());
        assertThat(calls.getOrDefault("Account", Map.of())).doesNotContainKey("query");
        assertThat(calls.get("Contact")).as("the two rejected contacts' e-mails, asked again (the org may have changed): "
                + "one query for each of their batches").containsEntry("query", 2L);
        assertThat(sandboxQueries() - queriesBefore).isEqualTo(2);
    }

    private long sandboxQueries() {
        Long calls = given().get("/sandbox/admin/counters").then().statusCode(200).extract().jsonPath()
                .getObject("'Query.query'", Long.class);
        return calls == null ? 0 : calls;
    }

    private Map<String, String> idsOf(String soql, String keyField) throws IOException {
        return idsOf(soql, keyField, "Id");
    }

    private Map<String, String> idsOf(String soql, String keyField, String valueField) throws IOException {
        String answer = camel.requestBodyAndHeader("salesforce:query?rawPayload=true", null, "sObjectQuery", soql, String.class);
        Map<String, String> values = new HashMap<>();
        for (JsonNode record : new ObjectMapper().readTree(answer).get("records")) {
            values.put(record.get(keyField).asText(), record.get(valueField).asText());
        }
        return values;
    }

    private Map<String, String> rejects(String runId) throws SQLException {
        Map<String, String> rejects = new HashMap<>();
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select legacy_id, reason_code, message from outcome where run_id = ? and outcome = 'rejected'")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rejects.put(row.getString(1), row.getString(2) + " " + row.getString(3));
                }
            }
        }
        return rejects;
    }
}
