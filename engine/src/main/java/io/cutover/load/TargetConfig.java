package io.cutover.load;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The target's settings ({@code cutover.target.*}; docs/configuration.md, docs/targets.md), checked when the application
 * starts: a wrong value stops the start with the key named. Their defaults and the why of each are in
 * application.properties; the route files left out are declared here although no bean reads them (the routes read
 * {@code {{cutover.target.kind}}} in their precondition). The secrets (client secret, password, refresh token, key
 * store password) come from the environment; this interface declares no {@code toString}, so that none is generated that would print them, and
 * no constraint is put on them, so that no message ever quotes one.
 */
@ConfigMapping(prefix = "cutover.target")
public interface TargetConfig {

    /** salesforce: an org or the built-in sandbox; rest: another CRM's REST API, as {@link #description()} says. */
    @Pattern(regexp = "salesforce|rest", message = "must be salesforce or rest")
    String kind();

    /** With the rest kind: the target's description file. */
    Path description();

    /** The org's login URL; unset: the built-in sandbox, when it is enabled. */
    Optional<String> loginUrl();

    /** The connected app's consumer key. */
    Optional<String> clientId();

    /** The connected app's consumer secret (environment only). */
    Optional<String> clientSecret();

    /** The user of the JWT bearer and the username-password flows. */
    Optional<String> username();

    /** The user's password, for the username-password flow (environment only). */
    Optional<String> password();

    /** The refresh token flow: the token the connected app issued when a user authorised it (environment only). */
    Optional<String> refreshToken();

    /** The JWT bearer flow's key store, with the connected app's private key. */
    Keystore keystore();

    /** The name every call says it comes from ({@code Sforce-Call-Options: client=<name>}), which the reverse sync skips. */
    @NotBlank
    String clientName();

    /** The Salesforce REST API version, {@code 60.0}. */
    @Pattern(regexp = "[1-9][0-9]*\\.0", message = "must be a Salesforce API version such as 60.0")
    String apiVersion();

    /** The largest answer camel-salesforce holds in memory (a bulk job's result files). */
    @Positive
    int maxAnswerBytes();

    /** {@code cutover.target.keystore.*}: the OAuth 2.0 JWT bearer flow's key store. */
    interface Keystore {

        /** The key store file; with it, the JWT bearer flow is used. */
        Optional<String> path();

        /** Its password (environment only). */
        Optional<String> password();

        /** PKCS12 or JKS. */
        @NotBlank
        String type();
    }
}
