package io.cutover.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a command that writes files writes them. */
class OutputOptions implements ConfiguresApplication {

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where the files go (cutover.output-dir;"
            + " default: a folder named after the command in the data folder).")
    Path outputDir;

    @Override
    public void configure(Map<String, String> configuration) {
        if (outputDir != null) {
            configuration.put("cutover.output-dir", outputDir.toString());
        }
    }
}
