package io.cutover.enrich;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ids the target answered for the values already looked up in this run, the least recently used forgotten past
 * the capacity; a value the target has no record for is remembered too (with no id), so it is never asked twice. A new
 * run starts empty: records may have been added to the target between runs.
 */
final class FoundIds {

    private final Map<String, List<String>> ids;
    private String runId;

    FoundIds(int capacity) {
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The ids of the records the target has for the key, if it was asked in this run and not forgotten. */
    synchronized Optional<List<String>> get(String runId, String key) {
        forgetOtherRuns(runId);
        return Optional.ofNullable(ids.get(key));
    }

    synchronized void put(String runId, String key, List<String> found) {
        forgetOtherRuns(runId);
        ids.put(key, List.copyOf(found));
    }

    private void forgetOtherRuns(String runId) {
        if (!runId.equals(this.runId)) {
            ids.clear();
            this.runId = runId;
        }
    }
}
