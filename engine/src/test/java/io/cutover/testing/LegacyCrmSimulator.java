package io.cutover.testing;

import java.util.Map;

/**
 * The legacy CRM simulator on, for the tests that read from it or call it: an application that serves it also runs its
 * change generator's ticker.
 */
public class LegacyCrmSimulator extends SimulatorOn {

    /** The configuration that turns it on, for the resources that set up more around it. */
    public static final Map<String, String> ON = Map.of("cutover.legacy-crm.enabled", "true");

    public LegacyCrmSimulator() {
        super(ON);
    }
}
