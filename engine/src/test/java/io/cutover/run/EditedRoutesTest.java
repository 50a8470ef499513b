package io.cutover.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.ObjectCounts;
import io.cutover.report.RunReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** The run's behaviour comes from the YAML files on disk: an edited route changes it without recompiling Java. */
@QuarkusTest
@QuarkusTestResource(value = EditedRoutes.class, restrictToAnnotatedClass = true)
class EditedRoutesTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    ProducerTemplate camel;

    @Test
    void anObjectsBatchSizeSetInItsTemplatedRouteTakesEffect() {
        given().post("/sandbox/admin/reset").then().statusCode(200);

        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account")).isEqualTo(new ObjectCounts(50, 50, 0, 0, 0, 0, 0, 0));
        assertThat(report.objects().get("Contact")).isEqualTo(new ObjectCounts(150, 150, 0, 0, 0, 0, 0, 0));
        assertThat(report.apiCalls().get("Account")).containsEntry("compositeUpsertSObjectCollections", 5L);
        assertThat(report.apiCalls().get("Contact")).containsEntry("compositeUpsertSObjectCollections", 1L);
        assertThat(new SandboxQueries(camel).query("SELECT COUNT() FROM Account").get("totalSize").asInt()).isEqualTo(50);
    }
}
