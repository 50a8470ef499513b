package io.cutover.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Runtime configuration of the built-in Salesforce sandbox; every key has a default, so no properties file is needed. */
@ConfigMapping(prefix = "cutover.sandbox")
public interface SandboxConfig {

    /** Off by default: the sandbox answers only when a consultant turns it on. */
    @WithDefault("false")
    boolean enabled();

    @WithDefault("cutover-sandbox")
    String clientId();

    @WithDefault("cutover-sandbox-secret")
    String clientSecret();

    @WithDefault("admin@cutover.sandbox")
    String username();

    @WithDefault("sandbox")
    String password();

    /**
     * The refresh token the connected app issued to the sandbox's user (a real org issues one once a user has
     * authorised the app in the browser), for the refresh token flow.
     */
    @WithDefault("cutover-sandbox-refresh-token")
    String refreshToken();

    /**
     * The certificate (PEM) of the connected app's key, for the OAuth 2.0 JWT bearer flow: an assertion is accepted when
     * its signature verifies with it. Without one, the sandbox refuses that flow, as an org whose connected app has no
     * certificate does.
     */
    Optional<Path> jwtCertificate();

    /** Salesforce's default session timeout is two hours. */
    @WithDefault("2h")
    Duration sessionTimeout();

    @WithDefault("jdbc")
    Storage storage();

    /** Defaults to {@code jdbc:h2:file:${cutover.data-dir}/sandbox/org}. */
    Optional<String> jdbcUrl();

    /**
     * A CSV file of the org's users besides the sandbox's own: a header of User field names (Username, Email and
     * LastName required), one user a line; created at start unless a user has the Username.
     */
    Optional<Path> users();

    /** API calls allowed per day (UTC), like a Developer Edition org's 15,000. */
    @WithDefault("15000")
    long dailyApiLimit();

    /**
     * The org's duplicate rules, each {@code Object.Field} (Account.Name, Lead.Email): a record created or edited whose
     * value of the field is an existing record's, ignoring case and surrounding spaces, is refused with
     * DUPLICATES_DETECTED, as a duplicate rule whose action is Block. None by default.
     */
    Optional<List<String>> duplicateRules();

    /** Faults injected into data API calls; all off by default. */
    Faults faults();

    /** Change Data Capture: the events of every write, kept and served over CometD (docs/sandbox.md). */
    ChangeEvents changeEvents();

    interface ChangeEvents {
        /** How long events are kept (Salesforce: 72 hours); a subscription from an older replay id is refused. */
        @WithDefault("72h")
        Duration retention();

        /** How long a CometD connect waits for events before it answers with none. */
        @WithDefault("10s")
        Duration connectHold();
    }

    interface Faults {
        /** Added to every data API call. */
        @WithDefault("0s")
        Duration latency();

        /** Added per record of an sObject Collections call or bulk chunk. */
        @WithDefault("0s")
        Duration latencyPerRecord();

        @WithDefault("0")
        double error500Rate();

        @WithDefault("0")
        double error503Rate();

        @WithDefault("0")
        double error429Rate();

        /** The Retry-After header of a 429 answer. */
        @WithDefault("1")
        int retryAfterSeconds();

        /** Share of calls refused with 403 REQUEST_LIMIT_EXCEEDED regardless of the daily limit. */
        @WithDefault("0")
        double requestLimitRate();

        /** Share of calls whose session ends on the spot: 401 INVALID_SESSION_ID. */
        @WithDefault("0")
        double sessionExpiryRate();

        /** Children of a parent that another in-flight call is saving children of fail with UNABLE_TO_LOCK_ROW. */
        @WithDefault("false")
        boolean unableToLockRow();

        /** Makes the injected faults repeatable. */
        Optional<Long> seed();
    }

    enum Storage {
        jdbc, memory
    }
}
