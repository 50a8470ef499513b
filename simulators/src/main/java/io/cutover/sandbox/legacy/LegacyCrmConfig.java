package io.cutover.sandbox.legacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Runtime configuration of the legacy CRM simulator; every key has a default, so no properties file is needed. */
@ConfigMapping(prefix = "cutover.legacy-crm")
public interface LegacyCrmConfig {

    /** Off by default: the simulator answers only when turned on (it is in dev and test). */
    @WithDefault("false")
    boolean enabled();

    /** A bearer token every call may present (Authorization: Bearer …). */
    @WithDefault("legacy-crm-token")
    String token();

    /** An API key every call may present instead, in the X-API-Key header. */
    @WithDefault("legacy-crm-api-key")
    String apiKey();

    /** The OAuth2 client the token endpoint gives tokens to (client credentials grant). */
    @WithDefault("cutover")
    String clientId();

    @WithDefault("legacy-crm-secret")
    String clientSecret();

    /** How long a token from the token endpoint is accepted: short, as such tokens are. */
    @WithDefault("300s")
    Duration tokenLifetime();

    /** Calls a second to the API above which it answers 429 with a Retry-After; 0: no limit. */
    @WithDefault("0")
    int rateLimit();

    /** The change generator: people still working in the legacy CRM. Edits a minute; 0: none. */
    @WithDefault("0")
    int editsPerMinute();

    /** Records created a minute; 0: none. */
    @WithDefault("0")
    int creationsPerMinute();

    /** Records deleted a minute; 0: none. */
    @WithDefault("0")
    int deletionsPerMinute();

    /** The folder holding the export the simulator serves: accounts.csv, contacts.csv, opportunities.csv, notes.csv. */
    @WithDefault("samples/apex-recipes")
    Path dataDir();

    /**
     * The CSV export has no modification times, so the simulator gives its rows ones: the first row was updated at this
     * instant, each next row one minute later. That makes {@code updated_since} select a known part of the data.
     */
    @WithDefault("2024-01-01T00:00:00Z")
    Instant firstUpdatedAt();
}
