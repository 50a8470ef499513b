package io.cutover.sync;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the cutover stands (docs/cutover.md): bulk load → sync → final delta → freeze → go-live. */
public enum SyncPhase {
    /** The legacy CRM's changes are read and applied, each object every poll interval. */
    RUNNING,
    /** Nothing is read; the watermarks stay where they are, so resuming misses nothing. */
    PAUSED,
    /** The legacy CRM is frozen: cycles run until the sync queue is empty, then the sync stops. */
    FINAL_DELTA,
    /** The final delta ended: both sides agree, or its report says what is left. */
    DONE,
    /** Go-live: the target is the system of record, legacy → target is switched off. */
    LIVE;

    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<SyncPhase> of(String value) {
        return Arrays.stream(values()).filter(phase -> phase.value().equals(value)).findFirst();
    }
}
