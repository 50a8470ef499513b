package io.cutover.run;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** {@link ChangedJunctionsTest} with every object loaded through Bulk API 2.0. */
@QuarkusTest
@TestProfile(ChangedJunctionsBulkTest.EveryObjectInBulk.class)
@QuarkusTestResource(value = WholeCrmMigrationTest.WholeCrmSample.class, restrictToAnnotatedClass = true)
class ChangedJunctionsBulkTest extends ChangedJunctionsTest {

    public static class EveryObjectInBulk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cutover.load.bulk-threshold", "0");
        }
    }
}
