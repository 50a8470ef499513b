package io.cutover.source;

import io.cutover.sync.FastSync;
import java.util.HashMap;
import java.util.Map;

/** The two legacy CRMs' contacts ({@link TwoLegacyCrms}) with the cutover sync on: a poll every half second. */
public class SyncedTwoLegacyCrms extends TwoLegacyCrms {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.putAll(FastSync.forward());
        return config;
    }
}
