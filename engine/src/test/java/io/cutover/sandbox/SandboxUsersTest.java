package io.cutover.sandbox;

import static io.cutover.sandbox.SandboxCalls.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.junit.jupiter.api.Test;

/** The org's users: the sandbox's own, queryable like any User, kept by a reset, and owners of records. */
@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class SandboxUsersTest {

    @Inject
    ProducerTemplate camel;

    @Test
    void theSandboxsOwnUserIsAUserRecordThatAResetKeeps() {
        SandboxCalls calls = new SandboxCalls(camel);
        SandboxCalls.resetOrg();

        JsonNode users = calls.query("SELECT Id, Username, Email, IsActive FROM User WHERE Email IN "
                + "('ADMIN@cutover.sandbox', 'nobody@cutover.sandbox')").get("records");

        assertThat(users).hasSize(1);
        assertThat(users.get(0).get("Id").asText()).isEqualTo(OAuthResource.USER_ID);
        assertThat(users.get(0).get("Username").asText()).isEqualTo("admin@cutover.sandbox");
        assertThat(calls.count("User")).isEqualTo(1);
    }

    @Test
    void aRecordIsOwnedByTheUserItNamesOrByTheUserWhoCreatesIt() {
        SandboxCalls calls = new SandboxCalls(camel);
        SandboxCalls.resetOrg();
        String unknownUser = SalesforceIds.to18("0058d00000Zz9Qx");

        List<UpsertSObjectResult> results = calls.upsert("Account", "Legacy_Id__c", List.of(
                record("Account", "Legacy_Id__c", "A-1", "Name", "Bluth Company", "OwnerId", OAuthResource.USER_ID),
                record("Account", "Legacy_Id__c", "A-2", "Name", "Sitwell Enterprises"),
                record("Account", "Legacy_Id__c", "A-3", "Name", "Austero Bluth", "OwnerId", unknownUser)));

        assertThat(results.get(0).getSuccess()).isTrue();
        assertThat(results.get(1).getSuccess()).isTrue();
        assertThat(results.get(2).getErrors().get(0).getErrorCode()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        JsonNode accounts = calls.query("SELECT Legacy_Id__c, OwnerId FROM Account ORDER BY Legacy_Id__c").get("records");
        assertThat(accounts.get(0).get("OwnerId").asText()).isEqualTo(OAuthResource.USER_ID);
        assertThat(accounts.get(1).get("OwnerId").asText()).isEqualTo(OAuthResource.USER_ID);
    }
}
