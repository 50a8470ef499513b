package io.cutover.reverse;

import java.util.HashMap;
import java.util.Map;

/**
 * Both syncs on, target changes captured by Change Data Capture events, and the target's version of a record changed
 * on both sides written back: with events, that is the fields the target changed.
 */
public class BothWaysWithEvents extends TwoWayLegacyCrm {

    @Override
    public Map<String, String> start() {
        StreamingReplayIds.forget();
        Map<String, String> config = new HashMap<>(super.start());
        config.put("cutover.reverse-sync.cdc", "true");
        config.put("cutover.sandbox.change-events.connect-hold", "2s");
        return config;
    }

    @Override
    protected Map<String, String> policies() {
        return Map.of("cutover.reverse-sync.conflicts", "target-wins");
    }

    @Override
    public void stop() {
        StreamingReplayIds.forget();
        super.stop();
    }
}
