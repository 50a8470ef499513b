package io.cutover.source;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Positive;
import java.util.OptionalInt;

/**
 * How an export is read ({@code cutover.read.*}), checked when the application starts: a wrong value stops the start
 * with the key named. The route template reads the commit interval ({@code {{cutover.read.commit-interval}}},
 * routes/object-pipeline.yaml); defaults and why are in application.properties.
 */
@ConfigMapping(prefix = "cutover.read")
public interface ReadConfig {

    /** Records read per chunk: mapped together, and staged in the ledger in one transaction. */
    @Positive
    int commitInterval();

    /** Threads that map a chunk's records side by side; unset: one per core. */
    @Positive
    OptionalInt mappingThreads();

    /** The mapping threads asked for, or one per core the JVM sees. */
    default int mappingParallelism() {
        return mappingThreads().orElse(Runtime.getRuntime().availableProcessors());
    }
}
