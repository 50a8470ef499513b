package io.cutover.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The export-schema profile writes an org's describe files through camel-salesforce; here the org is a sandbox JVM. */
class SchemaExportIT {

    @Test
    void theOrgsDescribesAreExportedAsTheyAreServed() throws Exception {
        PackagedApplication org = PackagedApplication.start("-Dcutover.sandbox.enabled=true", "-Dcutover.run-at-start=false");
        try {
            String orgUrl = "http://localhost:" + org.port;
            OnceModeIT.awaitReady(orgUrl, org);
            Path exportDir = Files.createTempDirectory(Path.of("target"), "schema-export-").toAbsolutePath();

            PackagedApplication export = PackagedApplication.start(PackagedApplication.sandboxLogin(orgUrl),
                    "-Dquarkus.profile=export-schema", "-Dcutover.schema.export-dir=" + exportDir,
                    "-Dcutover.schema.export-objects=Account, Contact");

            assertThat(export.exitCode()).as(export.output()).isZero();
            ObjectMapper json = new ObjectMapper();
            String token = OnceModeIT.token(orgUrl, "cutover-sandbox", "cutover-sandbox-secret", "admin@cutover.sandbox", "sandbox");
            for (String object : new String[] {"Account", "Contact"}) {
                JsonNode served = json.readTree(given().baseUri(orgUrl).auth().oauth2(token)
                        .get("/services/data/v60.0/sobjects/" + object + "/describe").then().statusCode(200).extract().asString());
                JsonNode exported = json.readTree(exportDir.resolve(object + ".json").toFile());
                assertThat(exported).isEqualTo(served);
                assertThat(exported.findValuesAsText("name")).contains("Legacy_Id__c");
            }
            assertThat(json.readTree(exportDir.resolve("Global.json").toFile()).get("sobjects").size()).isGreaterThan(2);
            assertThat(exportDir.resolve("Lead.json")).doesNotExist();
        } finally {
            org.stop();
        }
    }
}
