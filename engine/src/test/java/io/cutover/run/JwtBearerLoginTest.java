package io.cutover.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The OAuth 2.0 JWT bearer flow end to end: camel-salesforce signs its assertion with the connected app's key store, the
 * sandbox verifies it with the certificate, and the sample migrates; an assertion signed with another key, or for
 * another user, is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = JwtKeys.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class JwtBearerLoginTest {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    @Inject
    MigrationLauncher launcher;

    @Test
    void theSampleMigratesWithAJwtBearerLogin() {
        RunReport report = launcher.runNow();

        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.objects().get("Account").loaded()).isEqualTo(50);
        assertThat(report.objects().get("Contact").loaded()).isEqualTo(150);
    }

    @Test
    void assertionsTheCertificateDoesNotVerifyOrForAnotherUserAreRefused() throws Exception {
        String audience = "http://localhost:" + io.restassured.RestAssured.port;
        given().formParam("grant_type", JWT_BEARER)
                .formParam("assertion", assertion(JwtKeys.keystore, "connected-app", "admin@cutover.sandbox", audience))
                .post("/services/oauth2/token").then().statusCode(200).body("token_type", equalTo("Bearer"));
        given().formParam("grant_type", JWT_BEARER)
                .formParam("assertion", assertion(JwtKeys.otherKeystore, "someone-else", "admin@cutover.sandbox", audience))
                .post("/services/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", containsString("signature does not verify"));
        given().formParam("grant_type", JWT_BEARER)
                .formParam("assertion", assertion(JwtKeys.keystore, "connected-app", "intruder@example.com", audience))
                .post("/services/oauth2/token").then().statusCode(400).body("error_description",
                        containsString("not a user of this org"));
        given().formParam("grant_type", "password").formParam("client_id", "cutover-sandbox")
                .formParam("client_secret", "wrong").formParam("username", "admin@cutover.sandbox")
                .formParam("password", "sandbox").post("/services/oauth2/token").then().statusCode(400);
    }

    /** An assertion as Salesforce's documentation describes it, signed with the given key store's key. */
    private static String assertion(Path keystore, String alias, String user, String audience) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, JwtKeys.PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey(alias, JwtKeys.PASSWORD.toCharArray());
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"iss\":\"cutover-sandbox\",\"sub\":\"" + user + "\",\"aud\":\""
                + audience + "\",\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}").getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + base64.encodeToString(rsa.sign());
    }
}
