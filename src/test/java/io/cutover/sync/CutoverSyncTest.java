package io.cutover.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.SandboxQueries;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * The cutover as it happens: the bulk load runs while people keep working in the legacy CRM (the simulator's generator:
 * about 20 changes a second, edits, creations, deletions, changes sharing one commit time, contacts created before
 * their account); the sync then keeps the target in step; after the legacy CRM is frozen, the final delta. Afterwards
 * the target holds exactly the legacy CRM's live records, field by field through the mappings: none lost, none twice,
 * the deleted ones gone.
 */
@QuarkusTest
@QuarkusTestResource(value = SyncedLegacyCrm.class, restrictToAnnotatedClass = true)
class CutoverSyncTest {

    private static final String API = "/legacy-crm/api";
    private static final String ADMIN = "/legacy-crm/admin";
    private static final String TOKEN = "Bearer control-token-for-tests";

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    DataSource dataSource;

    @Test
    void afterTheFinalDeltaTheTargetHoldsTheLegacyCrmsRecordsFieldByField() throws SQLException {
        changeSettings(Map.of("editsPerMinute", 600, "creationsPerMinute", 360, "deletionsPerMinute", 240));
        RunReport bulk = launcher.runNow();
        assertThat(bulk.status()).isEqualTo("completed");
        assertThat(bulk.accountedFor()).isTrue();

        // people keep working while the sync runs
        await().atMost(Duration.ofSeconds(90)).until(() -> applied("Account") + applied("Contact") >= 100);
        changeSettings(Map.of("editsPerMinute", 0, "creationsPerMinute", 0, "deletionsPerMinute", 0));

        given().header("Authorization", TOKEN).post("/sync/final-delta").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "done".equals(status().getString("phase")));

        JsonPath status = status();
        assertThat(status.getLong("objects.Account.queued")).isZero();
        assertThat(status.getLong("objects.Contact.queued")).isZero();
        assertThat(status.getLong("objects.Contact.outcomes.deleted")).isPositive();
        assertThat(status.getLong("objects.Contact.outcomes.loaded")).isPositive();
        assertThat(status.getLong("objects.Account.outcomes.updated")).isPositive();

        // contacts created before their account waited in the sync queue, and nothing was given up on
        assertThat(syncOutcomes("QUEUED")).isPositive();
        assertThat(syncOutcomes("RETRIES_EXHAUSTED") + syncOutcomes("PARENT_NOT_LOADED")).isZero();
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("cutover_sync_lag_seconds{object=\"Contact\",quantile=\"0.95\"}")
                .contains("cutover_sync_queue_size");

        SandboxQueries target = new SandboxQueries(camel);
        Map<String, JsonNode> accounts = byLegacyId(target, "SELECT Id, Legacy_Id__c, Name, Description FROM Account");
        Map<String, String> accountLegacyIds = new HashMap<>();
        accounts.forEach((legacyId, account) -> accountLegacyIds.put(account.get("Id").asText(), legacyId));
        Map<String, JsonNode> contacts = byLegacyId(target,
                "SELECT Legacy_Id__c, LastName, FirstName, Email, Title, AccountId FROM Contact");
        List<Map<String, Object>> legacyAccounts = live("accounts", "offset", 200);
        List<Map<String, Object>> legacyContacts = live("contacts", "page", 1);

        assertThat(accounts.keySet()).containsExactlyInAnyOrderElementsOf(
                legacyAccounts.stream().map(record -> (String) record.get("account_id")).toList());
        for (Map<String, Object> legacy : legacyAccounts) {
            JsonNode account = accounts.get((String) legacy.get("account_id"));
            assertThat(account.get("Name").asText()).as("Name of %s", legacy.get("account_id")).isEqualTo(legacy.get("name"));
            assertThat(account.get("Description").asText()).as("Description of %s", legacy.get("account_id"))
                    .isEqualTo(legacy.get("description"));
        }
        assertThat(contacts.keySet()).containsExactlyInAnyOrderElementsOf(
                legacyContacts.stream().map(record -> (String) record.get("contact_id")).toList());
        for (Map<String, Object> legacy : legacyContacts) {
            String id = (String) legacy.get("contact_id");
            JsonNode contact = contacts.get(id);
            assertThat(contact.get("LastName").asText()).as("LastName of %s", id).isEqualTo(legacy.get("lastName"));
            assertThat(contact.get("Title").asText()).as("Title of %s", id).isEqualTo(legacy.get("title"));
            assertThat(contact.get("Email").asText()).as("Email of %s", id).isEqualTo(legacy.get("email"));
            assertThat(accountLegacyIds.get(contact.get("AccountId").asText())).as("account of %s", id)
                    .isEqualTo(legacy.get("account_id"));
        }
    }

    /** Sync cycles' records with the reason code: the ledger's own count. */
    private long syncOutcomes(String reasonCode) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select count(*) from outcome o join run r on r.id = o.run_id
                        where r.mode = 'sync' and o.reason_code = ? and o.outcome <> 'pending'
                        """)) {
            select.setString(1, reasonCode);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long applied(String object) {
        JsonPath status = status();
        long total = 0;
        for (String outcome : List.of("loaded", "updated", "deleted")) {
            Long count = status.getObject("objects." + object + ".outcomes." + outcome, Long.class);
            total += count == null ? 0 : count;
        }
        return total;
    }

    private static JsonPath status() {
        return given().header("Authorization", TOKEN).get("/sync").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, JsonNode> byLegacyId(SandboxQueries target, String soql) {
        Map<String, JsonNode> records = new HashMap<>();
        target.query(soql).get("records").forEach(record -> {
            JsonNode previous = records.put(record.get("Legacy_Id__c").asText(), record);
            assertThat(previous).as("records with legacy id %s", record.get("Legacy_Id__c")).isNull();
        });
        return records;
    }

    /** The collection's live records, every page: by offset (step 200) or by page number (step 1). */
    private static List<Map<String, Object>> live(String collection, String pageParameter, int step) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int at = "offset".equals(pageParameter) ? 0 : 1; ; at += step) {
            List<Map<String, Object>> page = given().auth().oauth2("legacy-crm-token")
                    .queryParam(pageParameter, at).queryParam("offset".equals(pageParameter) ? "limit" : "per_page", 200)
                    .get(API + "/" + collection).then().statusCode(200).extract().jsonPath().getList("records");
            records.addAll(page);
            if (page.size() < 200) {
                return records;
            }
        }
    }

    private static void changeSettings(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put(ADMIN + "/settings").then().statusCode(200);
    }
}
