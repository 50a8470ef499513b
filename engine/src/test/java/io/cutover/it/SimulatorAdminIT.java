package io.cutover.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Outside tests' own applications (here the packaged one, in prod mode), the simulators' admin endpoints demand the
 * admin token: nobody who merely reaches the port may wipe the org or change how a simulator behaves.
 */
@QuarkusIntegrationTest
@TestProfile(SimulatorAdminIT.SimulatorsOn.class)
class SimulatorAdminIT {

    static final List<String> ADMIN_READS = List.of("/sandbox/admin/counters", "/legacy-crm/admin/counters",
            "/generic-crm/admin/faults");

    /** The three simulators on, with the admin token every packaged application of the tests has. */
    public static class SimulatorsOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("cutover.sandbox.enabled", "true", "cutover.legacy-crm.enabled", "true",
                        "cutover.generic-crm.enabled", "true", "cutover.run-at-start", "false",
                        "cutover.simulators.admin-token", adminToken(),
                        // a data folder and a management port of its own, as PackagedApplication gives each application
                        "cutover.data-dir", Files.createTempDirectory(Path.of("target"), "data-").toAbsolutePath().toString(),
                        "quarkus.management.port", String.valueOf(PackagedApplication.freePort()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        protected String adminToken() {
            return PackagedApplication.ADMIN_TOKEN;
        }
    }

    @Test
    void theAdminEndpointsAnswerTheAdminTokenOnly() {
        for (String path : ADMIN_READS) {
            given().get(path).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                    .body("error", containsString("cutover.simulators.admin-token"));
            given().header("Authorization", "Bearer legacy-crm-token").get(path).then().statusCode(401);
            given().header("Authorization", PackagedApplication.ADMIN).get(path).then().statusCode(200);
        }
        given().post("/sandbox/admin/reset").then().statusCode(401);
        given().get("/services/data").then().statusCode(200);
    }
}
