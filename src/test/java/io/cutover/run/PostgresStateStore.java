package io.cutover.run;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The state store on PostgreSQL, as several replicas share it: the local server .ci/run starts, in a database of
 * the tests' own that each start empties.
 */
public class PostgresStateStore implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", System.getProperty("cutover.test.postgres-url",
                        "jdbc:postgresql://127.0.0.1:5432/cutover_test"),
                "quarkus.datasource.username", "postgres",
                "quarkus.flyway.clean-disabled", "false",
                "quarkus.flyway.clean-at-start", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SampleExport.class));
    }
}
