package io.cutover.sandbox.legacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Instant;

/** Runtime configuration of the legacy CRM simulator; every key has a default, so no properties file is needed. */
@ConfigMapping(prefix = "cutover.legacy-crm")
public interface LegacyCrmConfig {

    /** Off by default: the simulator answers only when turned on (it is in dev and test). */
    @WithDefault("false")
    boolean enabled();

    /** The bearer token every call must present; any other answers 401. */
    @WithDefault("legacy-crm-token")
    String token();

    /** The folder holding the export the simulator serves: accounts.csv, contacts.csv. */
    @WithDefault("samples/apex-recipes")
    Path dataDir();

    /**
     * The CSV export has no modification times, so the simulator gives its rows ones: the first row was updated at this
     * instant, each next row one minute later. That makes {@code updated_since} select a known part of the data.
     */
    @WithDefault("2024-01-01T00:00:00Z")
    Instant firstUpdatedAt();
}
