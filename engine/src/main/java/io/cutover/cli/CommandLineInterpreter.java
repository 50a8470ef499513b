package io.cutover.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reads a command line into the configuration of the application it starts; or prints help or what is wrong with it,
 * and says the exit code. It runs before Quarkus starts, so that the options are configuration like any other.
 */
final class CommandLineInterpreter {

    /** What a command line asks for: the configuration to start with, or nothing to start and an exit code. */
    record Invocation(int exitCode, Optional<Map<String, String>> configuration) {
    }

    private CommandLineInterpreter() {
    }

    static Invocation interpret(PrintWriter out, PrintWriter err, String... args) {
        Map<String, String> configuration = new LinkedHashMap<>();
        boolean[] starts = {false};
        CommandLine commandLine = commandLine().setOut(out).setErr(err);
        commandLine.setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            // the options before a command are the top command's, those after it the command's: later ones win
            for (ParseResult command = parsed; command != null; command = command.subcommand()) {
                ((ConfiguresApplication) command.commandSpec().userObject()).configure(configuration);
            }
            starts[0] = true;
            return ExitCode.DONE.code;
        });
        int exitCode = commandLine.execute(args);
        return new Invocation(exitCode, starts[0] ? Optional.of(configuration) : Optional.empty());
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CutoverCommand());
        Map<String, String> exitCodes = Arrays.stream(ExitCode.values()).collect(Collectors.toMap(
                exitCode -> String.valueOf(exitCode.code), exitCode -> exitCode.meaning, (a, b) -> a, LinkedHashMap::new));
        commandLine.setParameterExceptionHandler(CommandLineInterpreter::usageError);
        withSubcommands(commandLine, command ->
                command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes));
        return commandLine;
    }

    /** What is wrong and where the help is, instead of picocli's whole usage message, which buries the error. */
    private static int usageError(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(problem.getMessage());
        UnmatchedArgumentException.printSuggestions(problem, err);
        String heading = command.getHelp().synopsisHeading();
        err.print(heading + command.getHelp().synopsis(heading.length()));
        err.printf("Try '%s --help' for its options and examples.%n", command.getCommandSpec().qualifiedName());
        return ExitCode.USAGE.code;
    }

    private static void withSubcommands(CommandLine command, Consumer<CommandLine> action) {
        action.accept(command);
        command.getSubcommands().values().forEach(subcommand -> withSubcommands(subcommand, action));
    }
}
