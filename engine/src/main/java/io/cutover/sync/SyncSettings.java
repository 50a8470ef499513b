package io.cutover.sync;

import io.cutover.source.SourceCatalog;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The cutover sync's settings (application.properties, cutover.sync.*; docs/cutover.md). */
@Singleton
public class SyncSettings {

    private final Config config;
    private final SourceCatalog sources;
    private final String targetKind;
    private final boolean enabled;
    private final Optional<List<String>> objects;
    private final Duration unhealthyAfter;
    private final int finalDeltaCycles;
    private final Path deltaDir;
    private final List<String> authoritative;
    private final double absentMaxShare;

    SyncSettings(SyncConfig sync, Config config, SourceCatalog sources,
            @ConfigProperty(name = "cutover.target.kind") String targetKind) {
        this.authoritative = sync.authoritative().orElse(List.of());
        this.absentMaxShare = sync.absent().maxShare();
        this.config = config;
        this.sources = sources;
        this.targetKind = targetKind;
        this.enabled = sync.enabled();
        this.objects = sync.objects();
        this.unhealthyAfter = sync.unhealthyAfter();
        this.finalDeltaCycles = sync.finalDelta().maxCycles();
        this.deltaDir = sync.deltaDir();
    }

    /**
     * Refuses, at start-up, a poll interval of every object that is not one (SyncConfig checks those of one object: the
     * unnamed key's value is not in its map), a delete policy that is not one, or deletions a REST target cannot apply
     * (its description has no delete call yet): every object whose source flags deletions must say what becomes of them.
     */
    public void check() {
        Duration everyObject = config.getValue("cutover.sync.poll-interval", Duration.class);
        if (everyObject.isZero() || everyObject.isNegative()) {
            throw new ConfigurationException("Cutover cannot start: cutover.sync.poll-interval is '"
                    + config.getValue("cutover.sync.poll-interval", String.class) + "'; it must be longer than 0");
        }
        for (String object : sources.objects()) {
            boolean flagsDeletions = sources.flagsDeletions(object);
            if (flagsDeletions && deletes(object) == DeletePolicy.DELETE && !"salesforce".equals(targetKind)) {
                throw new ConfigurationException("Cutover cannot start: the source of " + object + " flags deletions "
                        + "(rest.incremental.deleted or changes.deleted) and cutover.sync.deletes is delete for it, but a " + targetKind
                        + " target cannot delete records yet: set cutover.sync.deletes." + object + " to ignore or flag");
            }
        }
        for (String object : authoritative) {
            if (!sources.objects().contains(object)) {
                throw new ConfigurationException("Cutover cannot start: cutover.sync.authoritative names " + object
                        + ", which no source describes; the objects described are " + sources.objects());
            }
            DeletePolicy policy = deletes(object);
            if (policy == DeletePolicy.FLAG) {
                throw new ConfigurationException("Cutover cannot start: " + object + " is authoritative "
                        + "(cutover.sync.authoritative), and a record missing from its export has no values to map a "
                        + "deletion flag from: set cutover.sync.deletes." + object + " to delete or ignore");
            }
            if (policy == DeletePolicy.DELETE && !"salesforce".equals(targetKind)) {
                throw new ConfigurationException("Cutover cannot start: " + object + " is authoritative "
                        + "(cutover.sync.authoritative) and cutover.sync.deletes is delete for it, but a " + targetKind
                        + " target cannot delete records yet: set cutover.sync.deletes." + object + " to ignore");
            }
        }
    }

    /** Whether a complete read of the object's export is the whole of it (cutover.sync.authoritative). */
    public boolean authoritative(String object) {
        return authoritative.contains(object);
    }

    /** The largest share of an object's records a complete read may find missing before it deletes nothing. */
    public double absentMaxShare() {
        return absentMaxShare;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The objects the sync keeps in step; empty: every object the run's plan has. */
    public Optional<List<String>> objects() {
        return objects;
    }

    /** How often the object's changes are read: cutover.sync.poll-interval.&lt;Object&gt;, or cutover.sync.poll-interval. */
    public Duration pollInterval(String object) {
        // read from the configuration, not from the mapping's map: across the restarts of a test run, SmallRye built
        // such a map with the keys an earlier start had (their values null) instead of this start's
        return config.getOptionalValue("cutover.sync.poll-interval." + object, Duration.class)
                .orElseGet(() -> config.getValue("cutover.sync.poll-interval", Duration.class));
    }

    public DeletePolicy deletes(String object) {
        String value = config.getOptionalValue("cutover.sync.deletes." + object, String.class)
                .orElseGet(() -> config.getValue("cutover.sync.deletes", String.class));
        return DeletePolicy.of(value).orElseThrow(() -> new ConfigurationException("Cutover cannot start: "
                + "cutover.sync.deletes" + " for " + object + " is '" + value + "'; it is one of "
                + Arrays.stream(DeletePolicy.values()).map(DeletePolicy::value).toList()));
    }

    /** Where delta files are dropped, one folder per object. */
    public Path deltaDir() {
        return deltaDir;
    }

    /** Readiness goes DOWN when the sync has not polled successfully for this long. */
    public Duration unhealthyAfter() {
        return unhealthyAfter;
    }

    /** The most cycles a final delta runs while changes are still waiting in the sync queue (two at least). */
    public int finalDeltaCycles() {
        return Math.max(finalDeltaCycles, 2);
    }
}
