package io.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher script {@code ./cutover} over the packaged application, as docs/cli.md shows it: every command's help,
 * a wrong command line, and the exit codes of real runs against the built-in sandbox.
 */
class CommandLineIT {

    private static final List<String> COMMANDS = List.of("migrate", "sync", "reconcile", "profile", "auto-map",
            "mapping-doc", "requeue", "rollback", "export-schema", "serve");

    @Test
    void everyCommandExplainsItselfWithExamplesAndExitsZero() throws Exception {
        PackagedApplication overview = PackagedApplication.command(Map.of(), "--help");
        assertThat(overview.exitCode()).as(overview.output()).isZero();
        assertThat(overview.output()).contains("Usage: cutover ").contains(COMMANDS).contains("Exit codes:");

        for (String command : COMMANDS) {
            PackagedApplication help = PackagedApplication.command(Map.of(), command, "--help");
            assertThat(help.exitCode()).as(help.output()).isZero();
            assertThat(help.output()).as(command).contains("Usage: cutover " + command, "Examples:", "  cutover " + command)
                    .doesNotContain("Quarkus");
        }
    }

    @Test
    void aWrongCommandLineExits64AndSaysWhatIsWrong() throws Exception {
        PackagedApplication unknownCommand = PackagedApplication.command(Map.of(), "migrat");
        assertThat(unknownCommand.exitCode()).as(unknownCommand.output()).isEqualTo(64);
        assertThat(unknownCommand.output()).contains("Unmatched argument at index 0: 'migrat'", "Did you mean: cutover migrate?",
                "Try 'cutover --help'");

        PackagedApplication unknownOption = PackagedApplication.command(Map.of(), "migrate", "--kind=dry-run", "--dryrun");
        assertThat(unknownOption.exitCode()).as(unknownOption.output()).isEqualTo(64);
        assertThat(unknownOption.output()).contains("Unknown option: '--dryrun'", "Try 'cutover migrate --help'");
    }

    @Test
    void aSegmentMigratesTheTexanAccountsAndTheirContactsAndExitsZero() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "cli-segment-").toAbsolutePath();

        PackagedApplication segment = PackagedApplication.command(Map.of(), "migrate", "--sandbox", "--data-dir", data.toString(),
                "--segment", "Account=${body[billingstate]} == \"TX\"");

        assertThat(segment.exitCode()).as(segment.output()).isZero();
        JsonNode report = onlyReport(data);
        assertThat(report.at("/objects/Account/loaded").asLong()).isEqualTo(6);
        assertThat(report.at("/objects/Contact/loaded").asLong()).isEqualTo(16);
    }

    @Test
    void tooManyRejectsExitOneAndARollbackOfAnUnknownRunExitsTwo() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "cli-rejects-").toAbsolutePath();
        Path export = Files.createDirectories(data.resolveSibling(data.getFileName() + "-export"));
        try (Stream<Path> files = Files.list(Path.of("samples/apex-recipes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, export.resolve(file.getFileName()));
            }
        }
        Files.writeString(export.resolve("contacts.csv"), "ContactNew1,Funke,Tobias,tobias@example.com,AccountRef999,Analyst,5550100\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        PackagedApplication migrate = PackagedApplication.command(Map.of(), "migrate", "--sandbox", "--data-dir", data.toString(),
                "--export-dir", export.toString());
        assertThat(migrate.exitCode()).as(migrate.output()).isEqualTo(1);
        assertThat(onlyReport(data).at("/objects/Contact/rejected").asLong()).isEqualTo(1);

        PackagedApplication rollback = PackagedApplication.command(Map.of(), "rollback", "20200101-000000-0000", "--sandbox",
                "--data-dir", data.toString());
        assertThat(rollback.exitCode()).as(rollback.output()).isEqualTo(2);
    }

    @Test
    void withoutACommandItRunsAsTheEnvironmentSaysAsTheContainerDoes() throws Exception {
        Path output = Files.createTempDirectory(Path.of("target"), "cli-as-configured-").toAbsolutePath();

        PackagedApplication asConfigured = PackagedApplication.command(
                Map.of("CUTOVER_MODE", "mapping-doc", "CUTOVER_OUTPUT_DIR", output.toString()));

        assertThat(asConfigured.exitCode()).as(asConfigured.output()).isZero();
        assertThat(output.resolve("mapping.md")).isNotEmptyFile();
    }

    private static JsonNode onlyReport(Path data) throws Exception {
        try (Stream<Path> runs = Files.list(data.resolve("runs"))) {
            List<Path> reports = runs.map(run -> run.resolve("report.json")).toList();
            assertThat(reports).hasSize(1);
            return new ObjectMapper().readTree(reports.get(0).toFile());
        }
    }
}
