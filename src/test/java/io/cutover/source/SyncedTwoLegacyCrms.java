package io.cutover.source;

import java.util.HashMap;
import java.util.Map;

/** The two legacy CRMs' contacts ({@link TwoLegacyCrms}) with the cutover sync on: a poll every half second. */
public class SyncedTwoLegacyCrms extends TwoLegacyCrms {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("cutover.sync.enabled", "true");
        config.put("cutover.sync.tick", "200ms");
        config.put("cutover.sync.poll-interval", "500ms");
        config.put("cutover.sync.overlap", "2s");
        return config;
    }
}
