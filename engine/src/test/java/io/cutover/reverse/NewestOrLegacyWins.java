package io.cutover.reverse;

import java.util.Map;

/** The two-way simulator with the newest change winning accounts' conflicts, and the legacy CRM contacts'. */
public class NewestOrLegacyWins extends TwoWayLegacyCrm {

    @Override
    protected Map<String, String> policies() {
        return Map.of("cutover.reverse-sync.conflicts.Account", "newest-wins",
                "cutover.reverse-sync.conflicts.Contact", "legacy-wins");
    }
}
