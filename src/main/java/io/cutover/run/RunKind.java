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
    SAMPLE;

    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RunKind of(String value) {
        return Arrays.stream(values()).filter(kind -> kind.value().equals(value)).findFirst()
                .orElseThrow(() -> new ConfigurationException("Cutover cannot start: cutover.run.kind is '" + value
                        + "'; it is one of " + Arrays.stream(values()).map(RunKind::value).toList()));
    }
}
