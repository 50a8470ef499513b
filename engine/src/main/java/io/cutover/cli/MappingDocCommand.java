package io.cutover.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "mapping-doc",
        header = "Writes the field mapping table stakeholders review.",
        description = {"Writes the field mapping table stakeholders review (mapping.csv, mapping.md): per target field"
                + " its source column, transform, limits and an example from the export; calls no target"
                + " (cutover.mode=mapping-doc)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cutover mapping-doc",
            "      into data/mapping-doc/",
            "  cutover mapping-doc --mapping-dir mappings --output-dir review"})
class MappingDocCommand implements ConfiguresApplication {

    @Mixin
    CommonOptions common;
    @Mixin
    ProjectOptions project;
    @Mixin
    OutputOptions output;

    @Override
    public void configure(Map<String, String> configuration) {
        common.configure(configuration);
        project.configure(configuration);
        output.configure(configuration);
        configuration.put("cutover.mode", "mapping-doc");
    }
}
