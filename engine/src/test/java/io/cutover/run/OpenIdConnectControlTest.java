package io.cutover.run;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The control API with an OpenID Connect provider configured: its access tokens carrying the operator role (mapped from
 * the provider's group) are let in, forged, expired or role-less ones are not; the control token keeps working.
 */
@QuarkusTest
@QuarkusTestResource(value = OpenIdConnectProvider.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SalesforceSandbox.class, restrictToAnnotatedClass = true)
class OpenIdConnectControlTest {

    @Test
    void theProvidersTokensWithTheOperatorRoleAreLetIn() {
        String operator = token(OpenIdConnectProvider.ISSUER, Set.of("cutover-operators"), Instant.now().plusSeconds(300),
                OpenIdConnectProvider.provider.getPrivate());
        given().auth().oauth2(operator).get("/runs").then().statusCode(200);
        given().auth().oauth2(operator).get("/sync").then().statusCode(200);
    }

    @Test
    void forgedExpiredOrRolelessTokensAreNot() {
        given().auth().oauth2(token(OpenIdConnectProvider.ISSUER, Set.of("cutover-operators"),
                Instant.now().plusSeconds(300), OpenIdConnectProvider.forger.getPrivate())).get("/runs").then().statusCode(401);
        given().auth().oauth2(token(OpenIdConnectProvider.ISSUER, Set.of("cutover-operators"),
                Instant.now().minusSeconds(600), OpenIdConnectProvider.provider.getPrivate())).get("/runs").then().statusCode(401);
        given().auth().oauth2(token("https://elsewhere.example.com", Set.of("cutover-operators"),
                Instant.now().plusSeconds(300), OpenIdConnectProvider.provider.getPrivate())).get("/runs").then().statusCode(401);
        given().auth().oauth2(token(OpenIdConnectProvider.ISSUER, Set.of("sales"), Instant.now().plusSeconds(300),
                OpenIdConnectProvider.provider.getPrivate())).get("/runs").then().statusCode(403);
    }

    @Test
    void theControlTokenStillServes() {
        given().auth().oauth2("control-token-for-tests").get("/runs").then().statusCode(200);
        given().auth().oauth2("wrong").get("/runs").then().statusCode(401)
                .body("detail", equalTo("The bearer token is not the control token"));
    }

    private static String token(String issuer, Set<String> groups, Instant expires, PrivateKey key) {
        return Jwt.issuer(issuer).subject("integration-engineer").groups(groups).issuedAt(expires.minusSeconds(600))
                .expiresAt(expires).sign(key);
    }
}
