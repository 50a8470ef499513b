package io.cutover.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sync",
        header = "Keeps the target in step with the legacy CRM until the switch, and stays up.",
        description = {"Keeps the target in step with the legacy CRM until the switch (the cutover sync), and stays up:"
                + " pause, resume, the final delta and go-live over HTTP (/sync, with the control token). One replica"
                + " polls, elected by a lease in the state store (cutover.mode=serve, cutover.sync.enabled=true)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cutover sync --no-run-at-start",
            "      the sync alone, after the bulk load (cutover migrate) ran",
            "  cutover sync --reverse --sources-dir sources-rest",
            "      both ways: changes made in Salesforce go back to the legacy CRM too"})
class SyncCommand implements ConfiguresApplication {

    @Mixin
    CommonOptions common;
    @Mixin
    ProjectOptions project;
    @Mixin
    ServerOptions server;

    @Option(names = "--reverse", description = "Writes the changes made in the target back to the legacy CRM as well"
            + " (cutover.reverse-sync.enabled=true).")
    boolean reverse;

    @Option(names = "--objects", paramLabel = "OBJECT", split = ",", description = "The objects kept in step"
            + " (cutover.sync.objects; default every object whose source has change capture).")
    List<String> objects = new ArrayList<>();

    @Override
    public void configure(Map<String, String> configuration) {
        common.configure(configuration);
        project.configure(configuration);
        server.configure(configuration);
        configuration.put("cutover.mode", "serve");
        configuration.put("cutover.sync.enabled", "true");
        if (reverse) {
            configuration.put("cutover.reverse-sync.enabled", "true");
        }
        if (!objects.isEmpty()) {
            configuration.put("cutover.sync.objects", String.join(",", objects));
        }
    }
}
