package io.cutover.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "requeue",
        header = "Loads fixed rejects files, as a run of their own.",
        description = {"Loads fixed rejects files instead of the exports, as a run of their own, and exits like migrate"
                + " (cutover.mode=requeue)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cutover requeue data/runs/20261122-112054-57b6/rejects",
            "      the run's rejects, fixed in place (one <Object>.csv each)"})
class RequeueCommand implements ConfiguresApplication {

    @Mixin
    CommonOptions common;
    @Mixin
    ProjectOptions project;
    @Mixin
    RejectLimitOptions rejectLimit;

    @Parameters(paramLabel = "DIR", description = "The folder of fixed rejects files, one <Object>.csv each as a run's"
            + " rejects folder has them (cutover.requeue.dir).")
    Path folder;

    @Override
    public void configure(Map<String, String> configuration) {
        common.configure(configuration);
        project.configure(configuration);
        rejectLimit.configure(configuration);
        configuration.put("cutover.mode", "requeue");
        configuration.put("cutover.requeue.dir", folder.toString());
    }
}
