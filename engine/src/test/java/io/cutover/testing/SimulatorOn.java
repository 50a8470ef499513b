package io.cutover.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A simulator turned on in the test application of the tests that use it. The three are off in {@code %test}, so that a
 * test application runs the simulators its tests need and no others.
 */
abstract class SimulatorOn implements QuarkusTestResourceLifecycleManager {

    private final Map<String, String> on;

    SimulatorOn(Map<String, String> on) {
        this.on = on;
    }

    @Override
    public Map<String, String> start() {
        return on;
    }

    @Override
    public void stop() {
    }
}
