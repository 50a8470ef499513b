package io.cutover.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The generic CRM simulator on in the test application of the tests that call it. It is off in {@code %test}: only the
 * REST target's tests load into it.
 */
public class GenericCrmSimulator implements QuarkusTestResourceLifecycleManager {

    /** The configuration that turns it on, for the resources that set up more around it. */
    public static final Map<String, String> ON = Map.of("cutover.generic-crm.enabled", "true");

    @Override
    public Map<String, String> start() {
        return ON;
    }

    @Override
    public void stop() {
    }
}
