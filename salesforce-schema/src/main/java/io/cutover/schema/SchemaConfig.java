package io.cutover.schema;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.NotEmpty;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The target's schema ({@code cutover.schema.*}; docs/sandbox.md, "Your own org's schema"): the describes that replace
 * or add to the built-in ones, and what {@code cutover export-schema} writes. Checked when the application starts: a
 * wrong value stops the start with the key named. The export-schema route reads the export keys
 * ({@code {{cutover.schema.export-dir}}}), so they are declared here although no bean reads them.
 */
@ConfigMapping(prefix = "cutover.schema")
public interface SchemaConfig {

    /** A folder of describe documents (Global.json, one <object>.json each) read over the built-in ones. */
    Optional<Path> dir();

    /** The folder the schema export writes the describes to. */
    Path exportDir();

    /** The objects the schema export describes. */
    @NotEmpty
    List<String> exportObjects();
}
