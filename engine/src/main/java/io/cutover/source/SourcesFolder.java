package io.cutover.source;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/**
 * Where the source descriptions are ({@code cutover.sources.*}; docs/sources.md): one file per export, naming its
 * object, file and legacy id column. An unknown key under the prefix stops the start with the key named.
 */
@ConfigMapping(prefix = "cutover.sources")
public interface SourcesFolder {

    /** The folder of the source descriptions (sources/*.yaml). */
    Path dir();
}
