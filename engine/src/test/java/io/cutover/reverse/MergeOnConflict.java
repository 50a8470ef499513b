package io.cutover.reverse;

import java.util.Map;

/** The two-way simulator with accounts' conflicts merged field by field. */
public class MergeOnConflict extends TwoWayLegacyCrm {

    @Override
    protected Map<String, String> policies() {
        return Map.of("cutover.reverse-sync.conflicts.Account", "merge");
    }
}
