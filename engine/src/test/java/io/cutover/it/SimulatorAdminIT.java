package io.cutover.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outside tests' own applications (here the packaged one, in prod mode), the simulators' admin endpoints demand the
 * admin token: nobody who merely reaches the port may wipe the org or change how a simulator behaves.
 */
class SimulatorAdminIT {

    private static final List<String> ADMIN_READS = List.of("/sandbox/admin/counters", "/legacy-crm/admin/counters",
            "/generic-crm/admin/faults");
    private static final String[] SIMULATORS = {"-Dcutover.sandbox.enabled=true", "-Dcutover.legacy-crm.enabled=true",
            "-Dcutover.generic-crm.enabled=true", "-Dcutover.run-at-start=false"};

    @Test
    void theAdminEndpointsAnswerTheAdminTokenOnly() throws Exception {
        PackagedApplication systems = PackagedApplication.start(SIMULATORS);
        try {
            String url = "http://localhost:" + systems.port;
            OnceModeIT.awaitReady(url, systems);
            for (String path : ADMIN_READS) {
                given().baseUri(url).get(path).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                        .body("error", containsString("cutover.simulators.admin-token"));
                given().baseUri(url).header("Authorization", "Bearer legacy-crm-token").get(path).then().statusCode(401);
                given().baseUri(url).header("Authorization", PackagedApplication.ADMIN).get(path).then().statusCode(200);
            }
            given().baseUri(url).post("/sandbox/admin/reset").then().statusCode(401);
            given().baseUri(url).get("/services/data").then().statusCode(200);
        } finally {
            systems.stop();
        }
    }

    @Test
    void withoutAnAdminTokenConfiguredTheyRefuseEveryone() throws Exception {
        PackagedApplication systems = PackagedApplication.start(append(SIMULATORS, "-Dcutover.simulators.admin-token="));
        try {
            String url = "http://localhost:" + systems.port;
            OnceModeIT.awaitReady(url, systems);
            for (String path : ADMIN_READS) {
                given().baseUri(url).header("Authorization", PackagedApplication.ADMIN).get(path).then().statusCode(403)
                        .body("error", containsString("no admin token is configured"));
            }
        } finally {
            systems.stop();
        }
    }

    private static String[] append(String[] options, String option) {
        String[] all = java.util.Arrays.copyOf(options, options.length + 1);
        all[options.length] = option;
        return all;
    }
}
