package io.cutover.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reconcile",
        header = "Reads the target back against the ledger; exits 0 when they agree.",
        description = {"Reads every mapped object of the target back against the ledger (counts, records on one side"
                + " only, field values), writes reconciliation.json and a file per object that differs, and exits 0"
                + " when they agree, 2 otherwise (cutover.mode=reconcile)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cutover reconcile --sandbox",
            "      the built-in sandbox against the ledger, into data/reconcile/",
            "  cutover reconcile --output-dir /reports/before-go-live",
            "      the proof kept with the go-live decision"})
class ReconcileCommand implements ConfiguresApplication {

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
        configuration.put("cutover.mode", "reconcile");
    }
}
