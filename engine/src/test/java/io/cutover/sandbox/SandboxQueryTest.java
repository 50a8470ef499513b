package io.cutover.sandbox;

import static io.cutover.sandbox.SandboxCalls.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** SOQL WHERE clauses over each field type, through camel-salesforce's query operation. */
@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class SandboxQueryTest {

    @Inject
    ProducerTemplate camel;

    private SandboxCalls calls;

    @BeforeEach
    void threeAccountsAndThreeContacts() {
        SandboxCalls.resetOrg();
        calls = new SandboxCalls(camel);
        assertThat(calls.upsert("Account", "Legacy_Id__c", List.of(
                record("Account", "Legacy_Id__c", "A-1", "Name", "Bluth Company", "NumberOfEmployees", 120,
                        "AnnualRevenue", 2500000.50),
                record("Account", "Legacy_Id__c", "A-2", "Name", "Sitwell Enterprises", "NumberOfEmployees", 45,
                        "AnnualRevenue", 900000),
                record("Account", "Legacy_Id__c", "A-3", "Name", "Austero Bluth", "NumberOfEmployees", 9))))
                .allMatch(UpsertSObjectResult::getSuccess);
        assertThat(calls.upsert("Contact", "Legacy_Id__c", List.of(
                record("Contact", "Legacy_Id__c", "C-1", "LastName", "Bluth", "FirstName", "Michael",
                        "Birthdate", "1967-12-14", "EmailBouncedDate", "2024-01-31T12:00:00.000+0000"),
                record("Contact", "Legacy_Id__c", "C-2", "LastName", "Fünke", "FirstName", "Tobias",
                        "Birthdate", "1963-05-02", "EmailBouncedDate", "2024-02-01T08:30:00Z"),
                record("Contact", "Legacy_Id__c", "C-3", "LastName", "Bluth", "FirstName", "Lindsay"))))
                .allMatch(UpsertSObjectResult::getSuccess);
    }

    @Test
    void numbersCompareAsNumbers() {
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE NumberOfEmployees > 10 ORDER BY Legacy_Id__c"))
                .containsExactly("A-1", "A-2");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE NumberOfEmployees <= 45 ORDER BY Legacy_Id__c"))
                .as("9 < 45 as numbers, though '9' > '45' as text").containsExactly("A-2", "A-3");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE AnnualRevenue >= 2500000.5"))
                .containsExactly("A-1");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE AnnualRevenue = null")).containsExactly("A-3");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE AnnualRevenue != null ORDER BY AnnualRevenue"))
                .containsExactly("A-2", "A-1");
    }

    @Test
    void stringsCompareCaseInsensitively() {
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE Name = 'bluth company'")).containsExactly("A-1");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE Name < 'b' ORDER BY Name"))
                .containsExactly("A-3");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE Name <> 'Bluth Company' ORDER BY Name"))
                .containsExactly("A-3", "A-2");
    }

    @Test
    void andBindsTighterThanOrAndParenthesesOverrideIt() {
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE Name LIKE '%bluth%' AND NumberOfEmployees > 100"
                + " OR Legacy_Id__c = 'A-2' ORDER BY Legacy_Id__c")).containsExactly("A-1", "A-2");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE Name LIKE '%bluth%' AND (NumberOfEmployees > 100"
                + " OR Legacy_Id__c = 'A-2') ORDER BY Legacy_Id__c")).containsExactly("A-1");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE NOT Name LIKE 'Bluth%' ORDER BY Legacy_Id__c"))
                .containsExactly("A-2", "A-3");
    }

    @Test
    void inAndLike() {
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE Legacy_Id__c IN ('a-1', 'A-3', 'A-9')"
                + " ORDER BY Legacy_Id__c")).containsExactly("A-1", "A-3");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE NumberOfEmployees NOT IN (9, 45)"))
                .containsExactly("A-1");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE Name LIKE 'S_twell%'")).containsExactly("A-2");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE Name LIKE 'Bluth'")).isEmpty();
    }

    @Test
    void datesAndDateTimesCompareInTime() {
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Contact WHERE Birthdate < 1965-01-01")).containsExactly("C-2");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Contact WHERE Birthdate >= 1963-05-02 ORDER BY Birthdate DESC"))
                .containsExactly("C-1", "C-2");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Contact WHERE EmailBouncedDate > 2024-01-31T12:00:00Z"))
                .containsExactly("C-2");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Contact WHERE EmailBouncedDate = 2024-01-31T13:00:00+01:00"))
                .as("the same instant in another offset").containsExactly("C-1");
        JsonNode stored = calls.query("SELECT EmailBouncedDate FROM Contact WHERE Legacy_Id__c = 'C-2'");
        assertThat(stored.get("records").get(0).get("EmailBouncedDate").asText())
                .isEqualTo("2024-02-01T08:30:00.000+0000");
    }

    @Test
    void systemModstampFindsWhatChangedSinceAPointInTime() throws InterruptedException {
        String before = calls.query("SELECT SystemModstamp FROM Account WHERE Legacy_Id__c = 'A-3'")
                .get("records").get(0).get("SystemModstamp").asText();
        // Stamps have millisecond precision; the update must land in a later millisecond than the creation.
        Thread.sleep(5);
        calls.upsert("Account", "Legacy_Id__c", List.of(record("Account", "Legacy_Id__c", "A-2", "Name", "Sitwell")));
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE SystemModstamp > " + before.replace("+0000", "Z")))
                .containsExactly("A-2");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE SystemModstamp <= " + before.replace("+0000", "Z")
                + " ORDER BY Legacy_Id__c")).containsExactly("A-1", "A-3");
        assertThat(legacyIds("SELECT Legacy_Id__c FROM Account WHERE SystemModstamp < 2000-01-01T00:00:00Z")).isEmpty();
    }

    private List<String> legacyIds(String soql) {
        List<String> ids = new ArrayList<>();
        calls.query(soql).get("records").forEach(record -> ids.add(record.get("Legacy_Id__c").asText()));
        return ids;
    }
}
