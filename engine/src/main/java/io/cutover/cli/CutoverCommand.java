package io.cutover.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;

@Command(name = "cutover",
        description = {"Moves a legacy CRM's data into Salesforce or another CRM, keeps the target in step until the"
                + " switch, and proves nothing was lost. Without a command it runs as configured (cutover.mode,"
                + " default serve), as the container does.",
            "Every option sets a configuration key (docs/configuration.md); the keys keep working as -D options and"
                + " CUTOVER_* environment variables, and an option given wins over both. Run it from the project folder:"
                + " application.properties, routes/, sources/, mappings/ and data/ are read there."},
        subcommands = {MigrateCommand.class, SyncCommand.class, ReconcileCommand.class, ProfileCommand.class,
            AutoMapCommand.class, MappingDocCommand.class, RequeueCommand.class, RollbackCommand.class,
            ExportSchemaCommand.class, ServeCommand.class, HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cutover migrate --sandbox",
            "      the sample export into the built-in Salesforce sandbox",
            "  cutover migrate --help",
            "      a command's options and examples",
            "  CUTOVER_MODE=once cutover",
            "      as configured: the container's default"})
class CutoverCommand implements ConfiguresApplication {

    @Mixin
    CommonOptions common;

    @Override
    public void configure(Map<String, String> configuration) {
        common.configure(configuration);
    }
}
