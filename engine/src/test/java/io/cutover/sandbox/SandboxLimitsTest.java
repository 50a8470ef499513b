package io.cutover.sandbox;

import static io.cutover.sandbox.SandboxCalls.API;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.Limits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The daily API request allowance, with a limit small enough to reach. */
@QuarkusTest
@TestProfile(SandboxLimitsTest.FiveCallsADay.class)
class SandboxLimitsTest {

    public static class FiveCallsADay extends SandboxTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("cutover.sandbox.daily-api-limit", "5");
            return overrides;
        }
    }

    @Inject
    ProducerTemplate camel;

    @BeforeEach
    void freshDay() {
        SandboxCalls.resetOrg();
    }

    @Test
    void limitsReportsTheDailyApiRequestsAndEveryAnswerCarriesTheUsage() {
        Limits limits = camel.requestBody("salesforce:limits", null, Limits.class);
        assertThat(limits.getDailyApiRequests().getMax()).isEqualTo(5);
        assertThat(limits.getDailyApiRequests().getRemaining()).as("the limits call itself counts").isEqualTo(4);

        String token = SandboxCalls.token();
        given().auth().oauth2(token).get(API + "/sobjects").then().statusCode(200)
                .header("Sforce-Limit-Info", "api-usage=2/5");
        given().auth().oauth2(token).get(API + "/sobjects/Account/describe").then().statusCode(200)
                .header("Sforce-Limit-Info", "api-usage=3/5");
        given().auth().oauth2(token).get(API + "/limits").then().statusCode(200)
                .header("Sforce-Limit-Info", "api-usage=4/5")
                .body("DailyApiRequests.Max", equalTo(5)).body("DailyApiRequests.Remaining", equalTo(1));
        given().auth().oauth2(token).get(API + "/sobjects/Nope__c/describe").then().statusCode(404)
                .header("Sforce-Limit-Info", "api-usage=5/5");
        given().auth().oauth2(token).get(API + "/sobjects").then().statusCode(403)
                .header("Sforce-Limit-Info", "api-usage=5/5")
                .body("[0].errorCode", equalTo("REQUEST_LIMIT_EXCEEDED"))
                .body("[0].message", equalTo("TotalRequests Limit exceeded."));
        given().get("/services/data").then().statusCode(200);
        given().auth().oauth2("nobody").get(API + "/sobjects").then().statusCode(401)
                .header("Sforce-Limit-Info", "api-usage=5/5");
    }
}
