package io.cutover.reverse;

import io.cutover.sync.FastSync;
import io.cutover.sync.SyncedLegacyCrm;
import java.util.HashMap;
import java.util.Map;

/**
 * The synced legacy CRM simulator with the reverse sync on: its accounts and contacts can be written back
 * (rest.writeBack), target changes are captured by the SOQL sweep every 300 ms (cdc=false) and applied every 200 ms.
 * Subclasses choose the conflict policies and the capture.
 */
public class TwoWayLegacyCrm extends SyncedLegacyCrm {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.putAll(FastSync.reverseBySweep());
        config.putAll(policies());
        return config;
    }

    /** The conflict policies, per object. */
    protected Map<String, String> policies() {
        return Map.of("cutover.reverse-sync.conflicts.Account", "hold", "cutover.reverse-sync.conflicts.Contact", "target-wins");
    }

    @Override
    protected Map<String, String> descriptions(String api) {
        Map<String, String> descriptions = new HashMap<>();
        super.descriptions(api).forEach((file, description) -> {
            String collection = file.replace(".yaml", "");
            descriptions.put(file, description + """
                      writeBack:
                        read: GET %1$s/%2$s/{id}
                        create: POST %1$s/%2$s
                        update: PATCH %1$s/%2$s/{id}
                        delete: DELETE %1$s/%2$s/{id}
                    """.formatted(api, collection));
        });
        return descriptions;
    }
}
