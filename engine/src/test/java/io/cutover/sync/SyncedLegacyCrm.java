package io.cutover.sync;

import io.cutover.run.IncrementalLegacyCrmExport;
import java.util.HashMap;
import java.util.Map;

/**
 * The legacy CRM simulator's accounts and contacts with change capture and soft deletes, and the cutover sync on: a
 * poll every half second, each read starting two seconds before the watermark.
 */
public class SyncedLegacyCrm extends IncrementalLegacyCrmExport {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.putAll(FastSync.forward());
        config.put("cutover.sync.final-delta.max-cycles", "10");
        return config;
    }

    /** The incremental descriptions, which also say how the API flags a deleted record. */
    @Override
    protected Map<String, String> descriptions(String api) {
        Map<String, String> descriptions = new HashMap<>();
        super.descriptions(api).forEach((file, description) -> descriptions.put(file, description.replace(
                "incremental: {parameter: updated_since, field: updated_at}",
                "incremental: {parameter: updated_since, field: updated_at, deleted: deleted}")));
        return descriptions;
    }
}
