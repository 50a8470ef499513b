package io.cutover.sandbox.legacy;

import jakarta.inject.Singleton;

/** The simulator's settings now: as configured at start, changed at run time by the admin calls. */
@Singleton
public class LegacyCrmBehaviour {

    private final LegacyCrmConfig config;
    private volatile LegacyCrmSettings settings;

    LegacyCrmBehaviour(LegacyCrmConfig config) {
        this.config = config;
        this.settings = LegacyCrmSettings.of(config);
    }

    public LegacyCrmSettings settings() {
        return settings;
    }

    /** Applies the fields {@code change} gives; an {@link IllegalArgumentException} says what is wrong with them. */
    public synchronized LegacyCrmSettings change(LegacyCrmSettings change) {
        LegacyCrmSettings changed = settings.with(change);
        if (changed.problem() != null) {
            throw new IllegalArgumentException(changed.problem());
        }
        settings = changed;
        return changed;
    }

    /** Back to the configured settings. */
    public void reset() {
        settings = LegacyCrmSettings.of(config);
    }
}
