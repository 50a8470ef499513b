package io.cutover.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Without an admin token configured, the simulators' admin endpoints of a packaged application refuse everyone. */
@QuarkusIntegrationTest
@TestProfile(SimulatorAdminWithoutTokenIT.NoAdminToken.class)
class SimulatorAdminWithoutTokenIT {

    public static class NoAdminToken extends SimulatorAdminIT.SimulatorsOn {
        @Override
        protected String adminToken() {
            return "";
        }
    }

    @Test
    void theyRefuseEveryone() {
        for (String path : SimulatorAdminIT.ADMIN_READS) {
            given().header("Authorization", PackagedApplication.ADMIN).get(path).then().statusCode(403)
                    .body("error", containsString("no admin token is configured"));
        }
    }
}
