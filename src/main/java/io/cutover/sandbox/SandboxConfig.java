package io.cutover.sandbox;

import java.time.Duration;
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

    /** Salesforce's default session timeout is two hours. */
    @WithDefault("2h")
    Duration sessionTimeout();

    @WithDefault("jdbc")
    Storage storage();

    /** Defaults to {@code jdbc:h2:file:${cutover.data-dir}/sandbox/org}. */
    Optional<String> jdbcUrl();

    /** API calls allowed per day (UTC), like a Developer Edition org's 15,000. */
    @WithDefault("15000")
    long dailyApiLimit();

    enum Storage {
        jdbc, memory
    }
}
