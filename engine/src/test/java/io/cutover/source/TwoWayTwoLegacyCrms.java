package io.cutover.source;

import io.cutover.sync.FastSync;
import java.util.HashMap;
import java.util.Map;

/**
 * The two legacy CRMs' contacts, synced ({@link SyncedTwoLegacyCrms}), with the reverse sync on for them: target changes
 * captured by the SOQL sweep every 300 ms and applied every 200 ms; the European CRM takes the contacts created in the
 * target.
 */
public class TwoWayTwoLegacyCrms extends SyncedTwoLegacyCrms {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.putAll(FastSync.reverseBySweep());
        config.put("cutover.reverse-sync.objects", "Contact");
        return config;
    }
}
