package io.cutover.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a cutover must end with: the target holds exactly the legacy CRM's live accounts and contacts, each once, with
 * the values the mappings give them (the sample's names, descriptions and titles are mapped as they are) and each
 * contact under its account.
 */
public final class LegacyAndTarget {

    private LegacyAndTarget() {
    }

    /**
     * @param legacyApi the legacy CRM simulator's API, e.g. {@code http://localhost:8080/legacy-crm/api}
     * @param soql the target's records for a SOQL query, every page
     */
    public static void assertSameRecords(String legacyApi, Function<String, List<Map<String, Object>>> soql) {
        Map<String, Map<String, Object>> accounts = byLegacyId(soql.apply("SELECT Id, Legacy_Id__c, Name, Description FROM Account"));
        Map<String, String> accountLegacyIds = new HashMap<>();
        accounts.forEach((legacyId, account) -> accountLegacyIds.put((String) account.get("Id"), legacyId));
        Map<String, Map<String, Object>> contacts = byLegacyId(
                soql.apply("SELECT Legacy_Id__c, LastName, FirstName, Email, Title, AccountId FROM Contact"));
        List<Map<String, Object>> legacyAccounts = live(legacyApi + "/accounts", "offset", 200);
        List<Map<String, Object>> legacyContacts = live(legacyApi + "/contacts", "page", 1);

        assertThat(accounts.keySet()).as("accounts in the target; the legacy CRM's changes of those that differ: %s",
                        changesOfDifferent(legacyApi + "/accounts?limit=200", "account_id", accounts.keySet(), legacyAccounts))
                .containsExactlyInAnyOrderElementsOf(legacyAccounts.stream().map(record -> (String) record.get("account_id")).toList());
        for (Map<String, Object> legacy : legacyAccounts) {
            String id = (String) legacy.get("account_id");
            Map<String, Object> account = accounts.get(id);
            assertThat(account.get("Name")).as("Name of %s", id).isEqualTo(legacy.get("name"));
            assertThat(account.get("Description")).as("Description of %s", id).isEqualTo(legacy.get("description"));
        }
        assertThat(contacts.keySet()).as("contacts in the target; the legacy CRM's changes of those that differ: %s",
                        changesOfDifferent(legacyApi + "/contacts?per_page=200", "contact_id", contacts.keySet(), legacyContacts))
                .containsExactlyInAnyOrderElementsOf(legacyContacts.stream().map(record -> (String) record.get("contact_id")).toList());
        for (Map<String, Object> legacy : legacyContacts) {
            String id = (String) legacy.get("contact_id");
            Map<String, Object> contact = contacts.get(id);
            assertThat(contact.get("LastName")).as("LastName of %s", id).isEqualTo(legacy.get("lastName"));
            assertThat(contact.get("Title")).as("Title of %s", id).isEqualTo(legacy.get("title"));
            assertThat(contact.get("Email")).as("Email of %s", id).isEqualTo(legacy.get("email"));
            assertThat(accountLegacyIds.get((String) contact.get("AccountId"))).as("account of %s", id)
                    .isEqualTo(legacy.get("account_id"));
        }
    }

    /**
     * For a failure that says why: the legacy CRM's last change (time, deleted or not) of each record in the target but
     * not live in the legacy CRM, or the reverse, from its first page of changes since the epoch.
     */
    private static String changesOfDifferent(String changesUrl, String idColumn, java.util.Set<String> inTarget,
            List<Map<String, Object>> live) {
        java.util.Set<String> liveIds = new java.util.HashSet<>();
        live.forEach(record -> liveIds.add((String) record.get(idColumn)));
        java.util.Set<String> different = new java.util.HashSet<>(inTarget);
        different.addAll(liveIds);
        different.removeIf(id -> inTarget.contains(id) && liveIds.contains(id));
        if (different.isEmpty()) {
            return "none";
        }
        List<Map<String, Object>> changes = given().auth().oauth2("legacy-crm-token")
                .queryParam("updated_since", "1970-01-01T00:00:00Z").get(changesUrl).then().extract().jsonPath().getList("records");
        List<String> described = new ArrayList<>();
        changes.stream().filter(record -> different.contains((String) record.get(idColumn))).forEach(record ->
                described.add(record.get(idColumn) + " changed at " + record.get("updated_at") + ", deleted " + record.get("deleted")));
        return different + " " + described;
    }

    /** Records by legacy id; a legacy id loaded twice fails. */
    private static Map<String, Map<String, Object>> byLegacyId(List<Map<String, Object>> records) {
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> record : records) {
            assertThat(byId.put((String) record.get("Legacy_Id__c"), record)).as("records with legacy id %s",
                    record.get("Legacy_Id__c")).isNull();
        }
        return byId;
    }

    /** The collection's live records, every page: by offset (step 200) or by page number (step 1). */
    private static List<Map<String, Object>> live(String url, String pageParameter, int step) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int at = "offset".equals(pageParameter) ? 0 : 1; ; at += step) {
            List<Map<String, Object>> page = given().auth().oauth2("legacy-crm-token")
                    .queryParam(pageParameter, at).queryParam("offset".equals(pageParameter) ? "limit" : "per_page", 200)
                    .get(url).then().statusCode(200).extract().jsonPath().getList("records");
            records.addAll(page);
            if (page.size() < 200) {
                return records;
            }
        }
    }
}
