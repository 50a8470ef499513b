package io.cutover.sandbox;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Switched off, the sandbox is not there at all: no token endpoint, no data API, no admin. */
@QuarkusTest
@TestProfile(SandboxDisabledTest.Disabled.class)
class SandboxDisabledTest {

    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("quarkus.http.test-port", String.valueOf(SandboxTestProfile.PORT)),
                    Map.entry("cutover.data-dir", "./target/sandbox-test-data"),
                    Map.entry("cutover.sandbox.enabled", "false"),
                    // a target must be configured when the sandbox is off; it is never called here
                    Map.entry("cutover.target.login-url", "http://localhost:" + SandboxTestProfile.PORT),
                    Map.entry("cutover.target.client-id", "unused"),
                    Map.entry("cutover.target.client-secret", "unused"),
                    Map.entry("camel.component.salesforce.lazy-login", "true"));
        }
    }

    @Test
    void everySandboxPathAnswers404() {
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", "cutover-sandbox").formParam("client_secret", "cutover-sandbox-secret")
                .post("/services/oauth2/token").then().statusCode(404);
        given().get("/services/data").then().statusCode(404);
        given().auth().oauth2("any").get("/services/data/v60.0/query?q=SELECT+Id+FROM+Account").then().statusCode(404);
        given().get("/sandbox/admin/counters").then().statusCode(404);
        given().post("/sandbox/admin/reset").then().statusCode(404);
    }
}
