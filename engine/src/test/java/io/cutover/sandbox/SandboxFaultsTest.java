package io.cutover.sandbox;

import static io.cutover.sandbox.SandboxCalls.API;
import static io.cutover.sandbox.SandboxCalls.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Faults switched on at run time through the admin endpoint, with rate 1.0 or a seed so that they are certain. */
@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class SandboxFaultsTest {

    @Inject
    ProducerTemplate camel;

    @Inject
    ParentLocks parentLocks;

    private String token;

    @BeforeEach
    void emptyOrg() {
        SandboxCalls.resetOrg();
        token = SandboxCalls.token();
    }

    @AfterEach
    void noFaults() {
        faults(Map.of());
    }

    @Test
    void serverErrorsAndThrottling() {
        faults(Map.of("error503Rate", 1.0));
        given().get("/sandbox/admin/faults").then().statusCode(200).body("error503Rate", equalTo(1.0f))
                .body("error500Rate", equalTo(0.0f));
        given().auth().oauth2(token).get(API + "/sobjects").then().statusCode(503)
                .body("[0].errorCode", equalTo("SERVER_UNAVAILABLE"));

        faults(Map.of("error429Rate", 1.0, "retryAfterSeconds", 7));
        given().auth().oauth2(token).get(API + "/sobjects").then().statusCode(429).header("Retry-After", "7");

        faults(Map.of("requestLimitRate", 1.0));
        given().auth().oauth2(token).get(API + "/sobjects").then().statusCode(403)
                .body("[0].errorCode", equalTo("REQUEST_LIMIT_EXCEEDED"));

        faults(Map.of("error500Rate", 1.0));
        try {
            camel.requestBody("salesforce:limits", null, String.class);
            throw new AssertionError("The call succeeded");
        } catch (CamelExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(SalesforceException.class);
            assertThat(((SalesforceException) e.getCause()).getStatusCode()).isEqualTo(500);
            assertThat(((SalesforceException) e.getCause()).getErrors().get(0).getErrorCode())
                    .isEqualTo("UNKNOWN_EXCEPTION");
        }

        faults(Map.of());
        given().auth().oauth2(token).get(API + "/sobjects").then().statusCode(200);
        given().get("/services/data").then().statusCode(200);
    }

    @Test
    void forcedSessionExpiryEndsTheSession() {
        faults(Map.of("sessionExpiryRate", 1.0));
        given().auth().oauth2(token).get(API + "/sobjects").then().statusCode(401)
                .body("[0].errorCode", equalTo("INVALID_SESSION_ID"));
        faults(Map.of());
        given().auth().oauth2(token).get(API + "/sobjects").then().statusCode(401);
        given().auth().oauth2(SandboxCalls.token()).get(API + "/sobjects").then().statusCode(200);
    }

    @Test
    void aSeedRepeatsTheSameFaults() {
        faults(Map.of("error500Rate", 0.5, "seed", 42));
        List<Integer> first = statuses(20);
        faults(Map.of("error500Rate", 0.5, "seed", 42));
        List<Integer> second = statuses(20);
        assertThat(second).isEqualTo(first);
        assertThat(first).contains(200, 500);
    }

    @Test
    void childrenOfAParentAnotherCallIsSavingFailWithUnableToLockRow() {
        String accountId = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"Name\":\"Bluth\"}")
                .post(API + "/sobjects/Account").then().statusCode(201).extract().path("id");
        faults(Map.of("unableToLockRow", true));
        Object otherCall = new Object();
        assertThat(parentLocks.lock(otherCall, List.of(accountId))).isEmpty();
        try {
            List<SaveSObjectResult> results = createContacts(accountId);
            assertThat(results).extracting(SaveSObjectResult::getSuccess).containsExactly(false, true);
            assertThat(results.get(0).getErrors().get(0).getErrorCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
            assertThat(results.get(0).getErrors().get(0).getMessage())
                    .isEqualTo("unable to obtain exclusive access to this record or 1 records: " + accountId);
        } finally {
            parentLocks.release(otherCall);
        }
        assertThat(createContacts(accountId)).extracting(SaveSObjectResult::getSuccess).containsExactly(true, true);
    }

    private List<SaveSObjectResult> createContacts(String accountId) {
        @SuppressWarnings("unchecked")
        List<SaveSObjectResult> results = camel.requestBody("salesforce:compositeCreateSObjectCollections",
                List.of(record("Contact", "LastName", "Bluth", "AccountId", accountId),
                        record("Contact", "LastName", "Orphan")), List.class);
        return results;
    }

    private List<Integer> statuses(int calls) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(given().auth().oauth2(token).get(API + "/limits").then().extract().statusCode());
        }
        return statuses;
    }

    private static void faults(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put("/sandbox/admin/faults").then().statusCode(200);
    }
}
