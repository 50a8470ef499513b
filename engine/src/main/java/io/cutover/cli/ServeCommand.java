package io.cutover.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve",
        header = "Migrates, then keeps running: control API, reports, health, metrics.",
        description = {"Starts a migration run (unless --no-run-at-start) and keeps running: runs started and stopped"
                + " over HTTP (/runs, with the control token), the report pages, health, metrics, and the sandbox when"
                + " enabled (cutover.mode=serve)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cutover serve --sandbox --port 8181 --no-run-at-start",
            "      the built-in Salesforce sandbox alone, as an org to rehearse against",
            "  cutover serve",
            "      migrate, then stay up for the control API"})
class ServeCommand implements ConfiguresApplication {

    @Mixin
    CommonOptions common;
    @Mixin
    ProjectOptions project;
    @Mixin
    ServerOptions server;

    @Override
    public void configure(Map<String, String> configuration) {
        common.configure(configuration);
        project.configure(configuration);
        server.configure(configuration);
        configuration.put("cutover.mode", "serve");
    }
}
