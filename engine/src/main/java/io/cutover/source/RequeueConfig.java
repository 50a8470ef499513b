package io.cutover.source;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a requeue run loads ({@code cutover.requeue.*}; docs/runs.md), checked when the application starts: an unknown
 * key under the prefix stops the start with the key named. {@code cutover requeue <folder>} sets it.
 */
@ConfigMapping(prefix = "cutover.requeue")
public interface RequeueConfig {

    /** The folder of fixed rejects files a requeue run loads; a requeue run without it stops, naming the key. */
    Optional<Path> dir();
}
