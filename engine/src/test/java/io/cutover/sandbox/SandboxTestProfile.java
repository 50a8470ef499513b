package io.cutover.sandbox;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The sandbox on, in memory, on a port of its own. The application's camel-salesforce component points itself at the
 * sandbox ({@code io.cutover.load.SalesforceTarget}) because no {@code cutover.target.login-url} is set.
 */
public class SandboxTestProfile implements QuarkusTestProfile {

    static final int PORT = 18581;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.http.test-port", String.valueOf(PORT)),
                // H2 refuses file paths that are implicitly relative, such as target/test-data
                Map.entry("cutover.data-dir", "./target/sandbox-test-data"),
                Map.entry("cutover.sandbox.enabled", "true"),
                Map.entry("cutover.sandbox.storage", "memory"),
                // camel-salesforce buffers a whole answer, 4 MB at most by default; bulk result files are larger
                Map.entry("camel.component.salesforce.http-max-content-length", String.valueOf(64 * 1024 * 1024)));
    }
}
