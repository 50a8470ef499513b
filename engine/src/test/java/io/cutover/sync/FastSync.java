package io.cutover.sync;

import java.util.Map;

/** The sync's settings the tests run with: cycles fast enough to see a change arrive within seconds. */
public final class FastSync {

    private FastSync() {
    }

    /** Legacy -> target: a poll every half second, each read starting two seconds before the watermark. */
    public static Map<String, String> forward() {
        return Map.of("cutover.sync.enabled", "true", "cutover.sync.tick", "200ms",
                "cutover.sync.poll-interval", "500ms", "cutover.sync.overlap", "2s");
    }

    /**
     * Target -> legacy, captured by the SOQL sweep alone (no Change Data Capture): a sweep every 300 ms, starting two
     * seconds before its last position, and the changes applied every 200 ms.
     */
    public static Map<String, String> reverseBySweep() {
        return Map.of("cutover.reverse-sync.enabled", "true", "cutover.reverse-sync.cdc", "false",
                "cutover.reverse-sync.tick", "200ms", "cutover.reverse-sync.poll-interval", "300ms",
                "cutover.reverse-sync.overlap", "2s");
    }
}
