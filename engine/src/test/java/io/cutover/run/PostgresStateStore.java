package io.cutover.run;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The state store on PostgreSQL, as several replicas share it, emptied at each start. */
public class PostgresStateStore implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "cutover.state-store", "postgresql",
                "quarkus.flyway.\"postgresql\".clean-disabled", "false",
                "quarkus.flyway.\"postgresql\".clean-at-start", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SampleExport.class), new TestResourceEntry(LocalPostgres.class));
    }
}
