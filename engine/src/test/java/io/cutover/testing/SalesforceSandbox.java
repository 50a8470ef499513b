package io.cutover.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The built-in sandbox on: the org a test application's Salesforce target logs in to and loads into. Without it (or
 * another org configured) such an application does not start.
 */
public class SalesforceSandbox extends SimulatorOn {

    /** The configuration that turns it on. */
    public static final Map<String, String> ON = Map.of("cutover.sandbox.enabled", "true");

    public SalesforceSandbox() {
        super(ON);
    }

    /** A resource's or profile's configuration, with the sandbox on. */
    public static Map<String, String> on(Map<String, String> config) {
        Map<String, String> withTheSandbox = new HashMap<>(config);
        withTheSandbox.putAll(ON);
        return withTheSandbox;
    }
}
