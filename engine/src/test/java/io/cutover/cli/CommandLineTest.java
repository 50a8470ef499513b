package io.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.cutover.cli.CommandLineInterpreter.Invocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The command line read into configuration, without starting anything: each command's help, the keys its options set
 * (and only those given), wrong command lines, the examples of the help and of docs/cli.md, the exit codes' table.
 */
class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void everyCommandsHelpNamesItShowsExamplesAndStartsNothing() {
        for (String command : commands()) {
            Invocation help = interpret(command, "--help");

            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.configuration()).as(command).isEmpty();
            assertThat(output()).as(command).contains("Usage: cutover " + command, "Examples:%n  cutover %s".formatted(command)
                    .replace("%n", System.lineSeparator()));
        }
        assertThat(commands()).containsExactly("migrate", "sync", "reconcile", "profile", "auto-map", "mapping-doc", "requeue",
                "rollback", "export-schema", "serve");
        assertThat(interpret("help", "rollback").exitCode()).isZero();
        assertThat(output()).contains("Usage: cutover rollback");
    }

    @Test
    void optionsSetTheirConfigurationKeysAndNothingElse() {
        assertThat(configuration("migrate")).containsExactly(entry("cutover.mode", "once"));
        assertThat(configuration("migrate", "--kind", "dry-run", "--data-dir", "/tmp/d", "--objects", "Account,Contact",
                "--max-reject-rate", "0.01", "-Dcutover.load.parallelism=4")).containsOnly(
                entry("cutover.mode", "once"), entry("cutover.run.kind", "dry-run"), entry("cutover.data-dir", "/tmp/d"),
                entry("cutover.run.objects", "Account,Contact"), entry("cutover.max-reject-rate", "0.01"),
                entry("cutover.load.parallelism", "4"));
        assertThat(configuration("migrate", "--sample-size", "10%")).contains(entry("cutover.run.kind", "sample"),
                entry("cutover.run.sample-size", "10%"));
        assertThat(configuration("migrate", "--export-date", "2026-11-30"))
                .contains(entry("cutover.run.export-date", "2026-11-30"));
        assertThat(configuration("migrate", "--kind", "segment", "--segment", "Account=${body[billingstate]} == 'TX'"))
                .as("a segment is a full run of the records it selects; ${ is spelled as the configuration leaves it alone")
                .contains(entry("cutover.run.kind", "full"), entry("cutover.run.segment.Account", "$simple{body[billingstate]} == 'TX'"));
        assertThat(configuration("requeue", "data/runs/r1/rejects", "--export-dir", "exports")).containsOnly(
                entry("cutover.mode", "requeue"), entry("cutover.requeue.dir", "data/runs/r1/rejects"), entry("cutover.export.dir", "exports"));
        assertThat(configuration("rollback", "20261122-112054-57b6", "--sandbox")).containsOnly(entry("cutover.mode", "rollback"),
                entry("cutover.rollback.run-id", "20261122-112054-57b6"), entry("cutover.sandbox.enabled", "true"));
        assertThat(configuration("sync", "--reverse", "--no-run-at-start", "--port", "8181")).containsOnly(
                entry("cutover.mode", "serve"), entry("cutover.sync.enabled", "true"), entry("cutover.reverse-sync.enabled", "true"),
                entry("cutover.run-at-start", "false"), entry("quarkus.http.port", "8181"));
        assertThat(configuration("export-schema", "--objects", "Account,Invoice__c")).containsOnly(
                entry("quarkus.profile", "export-schema"), entry("cutover.mode", "export-schema"),
                entry("cutover.schema.export-objects", "Account,Invoice__c"));
        assertThat(configuration("profile", "--output-dir", "p", "--phone-region", "DE")).containsOnly(entry("cutover.mode", "profile"),
                entry("cutover.output-dir", "p"), entry("cutover.profile.phone-region", "DE"));
        assertThat(configuration("-Dcutover.load.parallelism=8", "migrate", "-Dcutover.load.parallelism=4"))
                .as("the command's own options after the top command's").contains(entry("cutover.load.parallelism", "4"));
    }

    @Test
    void withoutACommandNothingIsSetAndTheApplicationRunsAsConfigured() {
        assertThat(configuration()).isEmpty();
        assertThat(configuration("--data-dir", "/srv/cutover")).containsOnly(entry("cutover.data-dir", "/srv/cutover"));
    }

    @Test
    void aWrongCommandLineExits64WithWhatIsWrongAndWhereTheHelpIs() {
        assertUsageError(List.of("migrat"), "Unmatched argument at index 0: 'migrat'", "Did you mean: cutover migrate?",
                "Try 'cutover --help'");
        assertUsageError(List.of("migrate", "--kind", "fast"), "--kind is 'fast'; it is one of [full, dry-run, sample, segment]",
                "Try 'cutover migrate --help'");
        assertUsageError(List.of("migrate", "--kind", "segment"), "--kind segment needs --segment OBJECT=FILTER");
        assertUsageError(List.of("migrate", "--kind", "dry-run", "--sample-size", "10"), "--sample-size goes with --kind sample");
        assertUsageError(List.of("migrate", "--max-reject-rate", "5"), "--max-reject-rate is 5.0; it is a share, from 0 to 1");
        assertUsageError(List.of("rollback"), "Missing required parameter: 'RUN'");
        assertUsageError(List.of("requeue", "a", "b"), "Unmatched argument at index 2: 'b'");
        assertUsageError(List.of("serve", "--port", "http"), "Invalid value for option '--port'");
    }

    @Test
    void everyExampleOfTheHelpAndOfTheDocsIsACommandLineThatStarts() throws IOException {
        List<List<String>> examples = new ArrayList<>();
        for (String command : commands()) {
            interpret(command, "--help");
            String help = output().substring(output().indexOf("Examples:"));
            assertThat(help.lines()).as("examples are not wrapped").allMatch(line -> line.length() < 80);
            examples.addAll(commandLines(help));
            out.getBuffer().setLength(0);
        }
        examples.addAll(commandLines(Files.readString(Path.of("docs/cli.md"))));

        assertThat(examples).hasSizeGreaterThan(20);
        for (List<String> example : examples) {
            boolean help = example.contains("--help");
            Invocation invocation = interpret(example.toArray(String[]::new));
            assertThat(invocation.exitCode()).as("%s: %s", example, err).isZero();
            assertThat(invocation.configuration()).as("%s", example).isNotEqualTo(help);
        }
    }

    @Test
    void theExitCodesTableOfTheDocsIsTheOneTheHelpPrints() throws IOException {
        Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\| (.+) \\|$").matcher(Files.readString(Path.of("docs/cli.md")));
        Map<Integer, String> documented = new LinkedHashMap<>();
        while (row.find()) {
            documented.put(Integer.parseInt(row.group(1)), row.group(2).replace("`", ""));
        }

        assertThat(documented).isEqualTo(Arrays.stream(ExitCode.values()).collect(Collectors.toMap(
                exitCode -> exitCode.code, exitCode -> exitCode.meaning, (a, b) -> a, LinkedHashMap::new)));
        interpret("--help");
        // compared without white space: the help wraps its lines, even inside a key
        assertThat(output().replaceAll("\\s+", "")).contains(Arrays.stream(ExitCode.values())
                .map(exitCode -> (exitCode.code + exitCode.meaning).replaceAll("\\s+", "")).toList());
    }

    private void assertUsageError(List<String> arguments, String... said) {
        err.getBuffer().setLength(0);
        Invocation invocation = interpret(arguments.toArray(String[]::new));
        assertThat(invocation.exitCode()).as("%s", arguments).isEqualTo(64);
        assertThat(invocation.configuration()).isEmpty();
        assertThat(err.toString()).as("%s", arguments).contains(said);
    }

    private Map<String, String> configuration(String... arguments) {
        Invocation invocation = interpret(arguments);
        assertThat(invocation.exitCode()).as(err.toString()).isZero();
        return invocation.configuration().orElseThrow();
    }

    private Invocation interpret(String... arguments) {
        return CommandLineInterpreter.interpret(new PrintWriter(out, true), new PrintWriter(err, true), arguments);
    }

    private String output() {
        return out.toString();
    }

    private static List<String> commands() {
        return CommandLineInterpreter.commandLine().getSubcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
    }

    /** The arguments of each line that runs cutover, words split as a shell splits them; comments and variables left out. */
    private static List<List<String>> commandLines(String text) {
        List<List<String>> lines = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^\\s*(?:\\S+=\\S+ )*(?:\\./)?cutover( .*)?$").matcher(text);
        while (line.find()) {
            String arguments = line.group(1) == null ? "" : line.group(1).replaceAll("\\s+#.*$", "");
            lines.add(words(arguments));
        }
        return lines;
    }

    private static List<String> words(String arguments) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(arguments);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
        }
        return words;
    }
}
