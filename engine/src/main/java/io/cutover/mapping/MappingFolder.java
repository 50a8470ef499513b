package io.cutover.mapping;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/**
 * Where the mapping files are ({@code cutover.mapping.*}; docs/mapping.md): one file per target object. An unknown key
 * under the prefix stops the start with the key named.
 */
@ConfigMapping(prefix = "cutover.mapping")
public interface MappingFolder {

    /** The folder of the mapping files (mappings/*.yaml). */
    Path dir();
}
