package io.cutover.sandbox;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The sandbox on, in memory, on a port of its own, and camel-salesforce pointed at it. */
public class SandboxTestProfile implements QuarkusTestProfile {

    static final int PORT = 18581;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.http.test-port", String.valueOf(PORT)),
                Map.entry("cutover.sandbox.enabled", "true"),
                Map.entry("cutover.sandbox.storage", "memory"),
                Map.entry("camel.component.salesforce.login-url", "http://localhost:" + PORT),
                Map.entry("camel.component.salesforce.client-id", "cutover-sandbox"),
                Map.entry("camel.component.salesforce.client-secret", "cutover-sandbox-secret"),
                Map.entry("camel.component.salesforce.user-name", "admin@cutover.sandbox"),
                Map.entry("camel.component.salesforce.password", "sandbox"),
                Map.entry("camel.component.salesforce.lazy-login", "true"));
    }
}
