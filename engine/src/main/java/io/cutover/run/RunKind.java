package io.cutover.run;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Arrays;
import java.util.Locale;

/** What a migration run does with the records it reads (cutover.run.kind). */
public enum RunKind {
    /** Maps, validates and loads every record. */
    FULL,
    /** Maps and validates every record, writes the rejects and a sample of what would be loaded; loads nothing. */
    DRY_RUN,
    /** Loads the first N (or a share) of each object, and of their children only those of the records taken. */
    SAMPLE,
    /** One cycle of the cutover sync (routes/sync.yaml): the changes since the last cycle, and the sync queue's. */
    SYNC;

    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RunKind of(String value) {
        // sync cycles are started by the sync route, not configured as a run
        return Arrays.stream(values()).filter(kind -> kind != SYNC && kind.value().equals(value)).findFirst()
                .orElseThrow(() -> new ConfigurationException("Cutover cannot start: cutover.run.kind is '" + value
                        + "'; it is one of " + Arrays.stream(values()).filter(kind -> kind != SYNC).map(RunKind::value).toList()));
    }
}
