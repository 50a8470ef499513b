package io.cutover.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class SandboxSessionTest {

    @Inject
    ProducerTemplate camel;

    @Inject
    SessionRegistry sessions;

    @BeforeEach
    void emptyOrg() {
        SandboxCalls.resetOrg();
    }

    @Test
    void anEndedSessionAnswers401AndCamelSalesforceLogsInAgainByItself() {
        SandboxCalls calls = new SandboxCalls(camel);
        assertThat(calls.count("Account")).isZero();
        String token = SandboxCalls.token();
        long loginsBefore = SandboxCalls.counter("OAuth.token");

        sessions.revokeAll();

        given().auth().oauth2(token).get(SandboxCalls.API + "/sobjects").then().statusCode(401)
                .body("[0].errorCode", equalTo("INVALID_SESSION_ID"))
                .body("[0].message", equalTo("Session expired or invalid"));
        assertThat(calls.count("Account")).as("camel-salesforce retries after logging in").isZero();
        assertThat(SandboxCalls.counter("OAuth.token")).isEqualTo(loginsBefore + 1);
        assertThat(SandboxCalls.counter("Query.query")).as("the first count and the retry; the refused call never"
                + " reaches the query resource").isEqualTo(2);
    }
}
