package io.cutover.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.cutover.run.SandboxQueries;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * The cutover sync of an object with two REST sources ({@link SyncedTwoLegacyCrms}): a change in either legacy CRM
 * reaches the target's record of that CRM, each source polled since its own watermark.
 */
@QuarkusTest
@QuarkusTestResource(value = SyncedTwoLegacyCrms.class, restrictToAnnotatedClass = true)
class SeveralRestSourcesSyncTest {

    private static final String API = "/legacy-crm/api";
    private static final String CONTROL = "Bearer control-token-for-tests";

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;

    @Test
    void aChangeInEachLegacyCrmReachesItsOwnRecordInTheTarget() {
        RunReport bulk = launcher.runNow();
        assertThat(bulk.status()).isEqualTo("completed");

        String bothSystems = edit("ContactRef15", "Changed in both CRMs");
        String europeOnly = edit("ContactRef7", "Changed in the European CRM");

        SandboxQueries target = new SandboxQueries(camel);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(target.byLegacyId("Contact", "Title")).containsEntry("eu:ContactRef7", "Changed in the European CRM")
                    .containsEntry("eu:ContactRef15", "Changed in both CRMs")
                    .containsEntry("us:ContactRef15", "Changed in both CRMs");
            JsonPath status = given().header("Authorization", CONTROL).get("/sync").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(status.getString("objects.Contact.sourceWatermarks.eu")).isEqualTo(europeOnly);
            assertThat(status.getString("objects.Contact.sourceWatermarks.us")).isEqualTo(bothSystems);
            assertThat(status.getString("objects.Contact.watermark")).as("the one furthest behind").isEqualTo(bothSystems);
        });
        assertThat(target.byLegacyId("Contact", "Title")).doesNotContainKey("us:ContactRef7");
    }

    /** Someone changes the contact's title in the legacy CRM; returns the change's time. */
    private static String edit(String contactId, String title) {
        return given().auth().oauth2("legacy-crm-token").contentType(ContentType.JSON).body(Map.of("title", title))
                .patch(API + "/contacts/" + contactId).then().statusCode(200).extract().path("updated_at");
    }
}
