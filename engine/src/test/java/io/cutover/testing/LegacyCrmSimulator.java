package io.cutover.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The legacy CRM simulator on in the test application of the tests that call it. It is off in {@code %test}: few tests
 * read from it, and every application that serves it also runs its change generator's ticker.
 */
public class LegacyCrmSimulator implements QuarkusTestResourceLifecycleManager {

    /** The configuration that turns it on, for the resources that set up more around it. */
    public static final Map<String, String> ON = Map.of("cutover.legacy-crm.enabled", "true");

    @Override
    public Map<String, String> start() {
        return ON;
    }

    @Override
    public void stop() {
    }
}
