package io.cutover.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export-schema",
        header = "Exports the target org's describe files.",
        description = {"Exports the target org's describe files (the CUTOVER_TARGET_* login), for the start-up check of"
                + " the mapping files against your org instead of the sandbox's schema (cutover.schema.dir)"
                + " (the export-schema profile)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cutover export-schema --objects Account,Contact,Invoice__c",
            "      into ./schema; then: cutover migrate -Dcutover.schema.dir=schema"})
class ExportSchemaCommand implements ConfiguresApplication {

    @Mixin
    CommonOptions common;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where the describe files go"
            + " (cutover.schema.export-dir; default ./schema).")
    Path outputDir;

    @Option(names = "--objects", paramLabel = "OBJECT", split = ",", description = "The objects whose describe is"
            + " exported (cutover.schema.export-objects; default the standard objects a CRM migration loads).")
    List<String> objects = new ArrayList<>();

    @Override
    public void configure(Map<String, String> configuration) {
        common.configure(configuration);
        configuration.put("quarkus.profile", "export-schema");
        // the profile sets the mode too, but a CUTOVER_MODE in the environment would win over a profile's key
        configuration.put("cutover.mode", "export-schema");
        if (outputDir != null) {
            configuration.put("cutover.schema.export-dir", outputDir.toString());
        }
        if (!objects.isEmpty()) {
            configuration.put("cutover.schema.export-objects", String.join(",", objects));
        }
    }
}
