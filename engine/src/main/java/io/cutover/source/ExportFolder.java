package io.cutover.source;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/**
 * Where the legacy CRM's export files are ({@code cutover.export.*}; docs/sources.md), which the source descriptions'
 * file names are relative to. An unknown key under the prefix stops the start with the key named.
 */
@ConfigMapping(prefix = "cutover.export")
public interface ExportFolder {

    /** The folder the export files are in. */
    Path dir();
}
