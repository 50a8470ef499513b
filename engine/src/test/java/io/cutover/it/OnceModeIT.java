package io.cutover.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The container's way to run: the packaged application in once mode migrates the sample export into the built-in
 * sandbox, writes report.json, and exits 0; the sandbox then holds what the report counts.
 */
class OnceModeIT {

    @Test
    void onceModeMigratesTheSampleExportWritesTheReportAndExitsZero() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "once-mode-").toAbsolutePath();

        PackagedApplication once = PackagedApplication.start("-Dcutover.mode=once", "-Dcutover.sandbox.enabled=true",
                "-Dcutover.data-dir=" + dataDir);

        assertThat(once.exitCode()).as(once.output()).isZero();
        JsonNode report = new ObjectMapper().readTree(onlyReport(dataDir).toFile());
        assertThat(report.get("status").asText()).isEqualTo("completed");
        assertThat(report.at("/objects/Account/read").asLong()).isEqualTo(50);
        assertThat(report.at("/objects/Account/loaded").asLong()).isEqualTo(50);
        assertThat(report.at("/objects/Contact/read").asLong()).isEqualTo(150);
        assertThat(report.at("/objects/Contact/loaded").asLong()).isEqualTo(150);
        assertThat(once.output()).contains("Contact", "Exiting with code 0");
        JsonNode proof = new ObjectMapper().readTree(onlyReport(dataDir).resolveSibling("reconciliation.json").toFile());
        assertThat(proof.get("agreed").asBoolean()).as("the target read back after the run").isTrue();
        assertThat(proof.at("/objects/Contact/target").asLong()).isEqualTo(150);

        // on demand, later: the same proof, and its exit code
        PackagedApplication reconcile = PackagedApplication.start("-Dcutover.mode=reconcile",
                "-Dcutover.sandbox.enabled=true", "-Dcutover.data-dir=" + dataDir);
        assertThat(reconcile.exitCode()).as(reconcile.output()).isZero();
        assertThat(new ObjectMapper().readTree(dataDir.resolve("reconcile/reconciliation.json").toFile())
                .at("/objects/Account/target").asLong()).isEqualTo(50);

        PackagedApplication sandbox = PackagedApplication.start("-Dcutover.sandbox.enabled=true",
                "-Dcutover.run-at-start=false", "-Dcutover.data-dir=" + dataDir);
        try {
            String baseUrl = "http://localhost:" + sandbox.port;
            awaitReady(baseUrl, sandbox);
            // health and metrics answer on the management port only; the control API and its OpenAPI document on the
            // application's port, the control API off without a token configured
            given().baseUri(baseUrl).get("/q/health/ready").then().statusCode(404);
            given().baseUri("http://localhost:" + sandbox.managementPort).get("/q/metrics").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
            given().baseUri(baseUrl).get("/q/openapi").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("/runs/{id}/stop"));
            given().baseUri(baseUrl).get("/q/swagger-ui").then().statusCode(404);
            given().baseUri(baseUrl).auth().oauth2("any").get("/runs").then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("CUTOVER_CONTROL_TOKEN"));
            String token = token(baseUrl, "cutover-sandbox", "cutover-sandbox-secret", "admin@cutover.sandbox", "sandbox");
            for (String object : List.of("Account", "Contact")) {
                int held = given().baseUri(baseUrl).auth().oauth2(token).queryParam("q", "SELECT COUNT() FROM " + object)
                        .get("/services/data/v60.0/query").then().statusCode(200).extract().path("totalSize");
                assertThat(held).as(object).isEqualTo(report.at("/objects/" + object + "/loaded").asInt());
            }
        } finally {
            sandbox.stop();
        }
    }

    @Test
    void aConfiguredTargetIsReachedWithCredentialsFromTheEnvironmentThatNeverAppearInTheLog() throws Exception {
        Map<String, String> credentials = Map.of(
                "CUTOVER_SANDBOX_CLIENT_ID", "client-9f2c41",
                "CUTOVER_SANDBOX_CLIENT_SECRET", "secret-5e7a0d93b1",
                "CUTOVER_SANDBOX_USERNAME", "consultant@example.org",
                "CUTOVER_SANDBOX_PASSWORD", "password-c83b27f4e6");
        PackagedApplication org = PackagedApplication.start(credentials, "-Dcutover.sandbox.enabled=true",
                "-Dcutover.run-at-start=false");
        try {
            awaitReady("http://localhost:" + org.port, org);
            Path dataDir = Files.createTempDirectory(Path.of("target"), "configured-target-").toAbsolutePath();

            PackagedApplication migration = PackagedApplication.start(Map.of(
                    "CUTOVER_MODE", "once",
                    "CUTOVER_TARGET_LOGIN_URL", "http://localhost:" + org.port,
                    "CUTOVER_TARGET_CLIENT_ID", credentials.get("CUTOVER_SANDBOX_CLIENT_ID"),
                    "CUTOVER_TARGET_CLIENT_SECRET", credentials.get("CUTOVER_SANDBOX_CLIENT_SECRET"),
                    "CUTOVER_TARGET_USERNAME", credentials.get("CUTOVER_SANDBOX_USERNAME"),
                    "CUTOVER_TARGET_PASSWORD", credentials.get("CUTOVER_SANDBOX_PASSWORD")),
                    "-Dcutover.data-dir=" + dataDir);

            assertThat(migration.exitCode()).as(migration.output()).isZero();
            JsonNode report = new ObjectMapper().readTree(onlyReport(dataDir).toFile());
            assertThat(report.at("/objects/Contact/loaded").asLong()).isEqualTo(150);
            for (String secret : List.of(credentials.get("CUTOVER_SANDBOX_CLIENT_SECRET"), credentials.get("CUTOVER_SANDBOX_PASSWORD"))) {
                assertThat(migration.output()).doesNotContain(secret);
                assertThat(org.output()).doesNotContain(secret);
            }
        } finally {
            org.stop();
        }
    }

    private static Path onlyReport(Path dataDir) throws Exception {
        try (Stream<Path> runs = Files.list(dataDir.resolve("runs"))) {
            List<Path> reports = runs.map(run -> run.resolve("report.json")).toList();
            assertThat(reports).hasSize(1);
            return reports.get(0);
        }
    }

    static String token(String baseUrl, String clientId, String clientSecret, String username, String password) {
        return given().baseUri(baseUrl).formParam("grant_type", "password")
                .formParam("client_id", clientId).formParam("client_secret", clientSecret)
                .formParam("username", username).formParam("password", password)
                .post("/services/oauth2/token").then().statusCode(200).extract().path("access_token");
    }

    /** Waits until the application at baseUrl is ready, as its management port's /q/health/ready says. */
    static void awaitReady(String baseUrl, PackagedApplication app) throws Exception {
        try {
            // an exception is the HTTP server not listening yet
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                    given().baseUri("http://localhost:" + app.managementPort).get("/q/health/ready").statusCode() == 200);
        } catch (ConditionTimeoutException notReady) {
            throw new AssertionError("The application at " + baseUrl + " did not become ready; its output:\n" + app.output());
        }
    }
}
