package io.cutover.dedup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.state.StateStore;
import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * An org whose duplicate rule blocks a second account of the same name (the sandbox's cutover.sandbox.duplicate-rules,
 * answering DUPLICATES_DETECTED as Salesforce does, duplicateResult included): the account it refuses is rejected once,
 * with the target's reason and what to do, not retried; the others load, and every record is accounted for.
 */
@QuarkusTest
@QuarkusTestResource(value = TargetDuplicateRuleTest.OrgWithADuplicateRule.class, restrictToAnnotatedClass = true)
class TargetDuplicateRuleTest {

    public static class OrgWithADuplicateRule implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                Path root = Files.createTempDirectory(Path.of("target"), "duplicate-rule-").toAbsolutePath();
                Path export = Files.createDirectories(root.resolve("export"));
                Path sources = Files.createDirectories(root.resolve("sources"));
                Path mappings = Files.createDirectories(root.resolve("mappings"));
                Files.writeString(export.resolve("accounts.csv"), """
                        id,name,city
                        1,Nordic Timber Oy,Helsinki
                        2,Boreal Design,Oulu
                        """);
                Files.writeString(sources.resolve("accounts.yaml"), "object: Account\nfile: accounts.csv\nlegacyId: id\n");
                Files.writeString(mappings.resolve("account.yaml"), """
                        object: Account
                        externalId: Legacy_Id__c
                        fields:
                          Name: name
                          BillingCity: city
                        """);
                return SalesforceSandbox.on(Map.of("cutover.export.dir", export.toString(),
                        "cutover.sources.dir", sources.toString(),
                        "cutover.mapping.dir", mappings.toString(), "cutover.data-dir", root.resolve("data").toString(),
                        "cutover.sandbox.storage", "memory", "cutover.sandbox.duplicate-rules", "Account.Name"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
        }
    }

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;
    @Inject
    @StateStore
    DataSource state;

    @Test
    void anAccountTheOrgsDuplicateRuleRefusesIsRejectedWithItsReason() throws SQLException {
        camel.requestBody("salesforce:createSObject?sObjectName=Account&rawPayload=true", "{\"Name\":\"NORDIC TIMBER OY\"}",
                String.class);

        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(2, 1, 0, 0, 1, 0, 0, 0));
        assertThat(report.accountedFor()).isTrue();
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement("select reason_code, message, attempts from outcome "
                        + "where run_id = ? and legacy_id = '1'")) {
            select.setString(1, report.runId());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("DUPLICATES_DETECTED");
                assertThat(row.getString(2)).isEqualTo("accounts.csv line 2 (record 1): Account 1: DUPLICATES_DETECTED: "
                        + "Use one of these records? (the target's duplicate rules: it holds a record like this one; merge "
                        + "them there, or let the migration match against the target's records, lookupInTarget in "
                        + "docs/duplicates.md, so that this record updates it)");
                assertThat(row.getInt(3)).as("not tried again").isEqualTo(1);
            }
        }
    }

    @Test
    void theOrgAnswersAsSalesforceDoesNamingTheRuleAndTheRecordsMatched() {
        String token = given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "cutover-sandbox").formParam("client_secret", "cutover-sandbox-secret")
                .formParam("username", "admin@cutover.sandbox").formParam("password", "sandbox")
                .post("/services/oauth2/token").then().statusCode(200).extract().path("access_token");
        String existing = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"Name\": \"Lappi Safaris\"}")
                .post("/services/data/v60.0/sobjects/Account").then().statusCode(201).extract().path("id");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"allOrNone\": false, \"records\": [{\"attributes\": {\"type\": \"Account\"}, \"Name\": \" lappi safaris \"}]}")
                .post("/services/data/v60.0/composite/sobjects").then().statusCode(200)
                .body("[0].success", equalTo(false))
                .body("[0].errors[0].statusCode", equalTo("DUPLICATES_DETECTED"))
                .body("[0].errors[0].message", equalTo("Use one of these records?"))
                .body("[0].errors[0].fields", empty())
                .body("[0].errors[0].duplicateResult.allowSave", equalTo(false))
                .body("[0].errors[0].duplicateResult.duplicateRuleEntityType", equalTo("Account"))
                .body("[0].errors[0].duplicateResult.matchResults[0].matchRecords[0].record.Id", equalTo(existing))
                .body("[0].errors[0].duplicateResult.matchResults[0].size", equalTo(1));
    }
}
