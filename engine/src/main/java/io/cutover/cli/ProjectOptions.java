package io.cutover.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the files a migration reads are: the export, its descriptions, the mapping files. */
class ProjectOptions implements ConfiguresApplication {

    @Option(names = "--export-dir", paramLabel = "DIR", description = "The folder the export files are in"
            + " (cutover.export.dir).")
    Path exportDir;

    @Option(names = "--sources-dir", paramLabel = "DIR", description = "The export descriptions (cutover.sources.dir;"
            + " sources-rest reads the legacy CRM's REST API).")
    Path sourcesDir;

    @Option(names = "--mapping-dir", paramLabel = "DIR", description = "The mapping files (cutover.mapping.dir).")
    Path mappingDir;

    @Override
    public void configure(Map<String, String> configuration) {
        if (exportDir != null) {
            configuration.put("cutover.export.dir", exportDir.toString());
        }
        if (sourcesDir != null) {
            configuration.put("cutover.sources.dir", sourcesDir.toString());
        }
        if (mappingDir != null) {
            configuration.put("cutover.mapping.dir", mappingDir.toString());
        }
    }
}
