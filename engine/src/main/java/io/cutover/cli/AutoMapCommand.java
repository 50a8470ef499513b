package io.cutover.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "auto-map",
        header = "Proposes a draft mapping file per export.",
        description = {"Proposes a draft mapping file per described export, from its header and the target's describe,"
                + " each field with its confidence; needs no mapping file and calls no target (cutover.mode=auto-map)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cutover auto-map --output-dir drafts",
            "      drafts/account.yaml, drafts/contact.yaml, … to review and copy into mappings/",
            "  cutover auto-map --export-dir /exports/2026-12-01",
            "      drafts for another export, into data/auto-map/"})
class AutoMapCommand implements ConfiguresApplication {

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
        configuration.put("cutover.mode", "auto-map");
    }
}
