package io.cutover.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.junit.jupiter.api.Test;

/**
 * The OAuth 2.0 refresh token flow end to end: camel-salesforce trades the refresh token a user's authorisation gave
 * (cutover.target.refresh-token) for a session, and the sample migrates; a token the org did not issue is refused.
 */
@QuarkusTest
@TestProfile(RefreshTokenLoginTest.WithRefreshToken.class)
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class RefreshTokenLoginTest {

    public static class WithRefreshToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.target.refresh-token", "cutover-sandbox-refresh-token");
        }
    }

    @Inject
    MigrationLauncher launcher;
    @Inject
    @Named("salesforce")
    SalesforceComponent salesforce;

    @Test
    void theSampleMigratesWithARefreshTokenLogin() {
        assertThat(salesforce.getAuthenticationType()).isEqualTo(AuthenticationType.REFRESH_TOKEN);
        RunReport report = launcher.runNow();

        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.objects().get("Account").loaded()).isEqualTo(50);
        assertThat(report.objects().get("Contact").loaded()).isEqualTo(150);
    }

    @Test
    void aRefreshTokenTheOrgDidNotIssueIsRefused() {
        tokenRequest("cutover-sandbox-refresh-token").then().statusCode(200).body("token_type", equalTo("Bearer"));
        tokenRequest("revoked-long-ago").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    private static io.restassured.response.Response tokenRequest(String refreshToken) {
        return given().formParam("grant_type", "refresh_token").formParam("client_id", "cutover-sandbox")
                .formParam("client_secret", "cutover-sandbox-secret").formParam("refresh_token", refreshToken)
                .post("/services/oauth2/token");
    }
}
