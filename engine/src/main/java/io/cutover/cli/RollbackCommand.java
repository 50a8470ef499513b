package io.cutover.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "rollback",
        header = "Rolls a run back: deletes what it created, restores what it updated.",
        description = {"Rolls a run back: deletes the records it created, restores those it updated from their"
                + " before-images; refuses while a later run touched the same records; exits 0 when all of it was"
                + " rolled back (cutover.mode=rollback)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cutover rollback 20261122-112054-57b6",
            "      the run of that id, as its report names it"})
class RollbackCommand implements ConfiguresApplication {

    @Mixin
    CommonOptions common;
    @Mixin
    ProjectOptions project;

    @Parameters(paramLabel = "RUN", description = "The run's id (cutover.rollback.run-id).")
    String runId;

    @Override
    public void configure(Map<String, String> configuration) {
        common.configure(configuration);
        project.configure(configuration);
        configuration.put("cutover.mode", "rollback");
        configuration.put("cutover.rollback.run-id", runId);
    }
}
