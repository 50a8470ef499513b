package io.cutover.reverse;

import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The reverse sync's settings (application.properties, cutover.reverse-sync.*; docs/cutover.md). */
@Singleton
public class ReverseSettings {

    private final Config config;
    private final boolean enabled;
    private final List<String> objects;
    private final String clientName;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration overlap;

    ReverseSettings(ReverseSyncConfig reverseSync, Config config,
            @ConfigProperty(name = "cutover.target.client-name") String clientName) {
        this.config = config;
        this.enabled = reverseSync.enabled();
        this.objects = List.copyOf(reverseSync.objects());
        this.clientName = clientName;
        this.batchSize = reverseSync.batchSize();
        this.maxAttempts = reverseSync.maxAttempts();
        this.overlap = reverseSync.overlap();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The objects whose target changes are written back to the legacy CRM, parents first. */
    public List<String> objects() {
        return objects;
    }

    /**
     * The name Cutover's writes to the target carry ({@code Sforce-Call-Options: client=<name>}): the target's change
     * events name it as their origin, and the reverse sync does not send its own writes back.
     */
    public String clientName() {
        return clientName;
    }

    /** Target changes applied per pass. */
    public int batchSize() {
        return batchSize;
    }

    /** Attempts at a change the legacy CRM keeps failing for a passing reason, before it is rejected. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** How far back a SOQL sweep reads before its last position, for commits that land late. */
    public Duration overlap() {
        return overlap;
    }

    public ConflictPolicy conflicts(String object) {
        // read from the configuration, not from the mapping's map: across the restarts of a test run, SmallRye built
        // that map with the keys an earlier start had (their values null) instead of this start's
        String value = config.getOptionalValue("cutover.reverse-sync.conflicts." + object, String.class)
                .orElseGet(() -> config.getValue("cutover.reverse-sync.conflicts", String.class));
        return ConflictPolicy.of(value).orElseThrow(() -> new ConfigurationException("Cutover cannot start: "
                + "cutover.reverse-sync.conflicts for " + object + " is '" + value + "'; it is one of "
                + Arrays.stream(ConflictPolicy.values()).map(ConflictPolicy::value).toList()));
    }
}
