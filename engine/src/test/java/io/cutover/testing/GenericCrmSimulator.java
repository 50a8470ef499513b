package io.cutover.testing;

import java.util.Map;

/** The generic CRM simulator on, for the tests that load into it or call it. */
public class GenericCrmSimulator extends SimulatorOn {

    /** The configuration that turns it on, for the resources that set up more around it. */
    public static final Map<String, String> ON = Map.of("cutover.generic-crm.enabled", "true");

    public GenericCrmSimulator() {
        super(ON);
    }
}
