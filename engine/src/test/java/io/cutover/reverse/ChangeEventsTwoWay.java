package io.cutover.reverse;

import java.util.HashMap;
import java.util.Map;

/**
 * The two-way simulator with target changes captured by Change Data Capture events only: the forward sync (whose
 * cycles sweep the target first) is off and the sweep's interval is an hour, so every change applied came as an event.
 */
public class ChangeEventsTwoWay extends TwoWayLegacyCrm {

    @Override
    public Map<String, String> start() {
        StreamingReplayIds.forget();
        Map<String, String> config = new HashMap<>(super.start());
        config.put("cutover.sync.enabled", "false");
        config.put("cutover.reverse-sync.cdc", "true");
        config.put("cutover.reverse-sync.sweep-interval", "1h");
        config.put("cutover.sandbox.change-events.connect-hold", "2s");
        return config;
    }

    @Override
    public void stop() {
        StreamingReplayIds.forget();
        super.stop();
    }
}
