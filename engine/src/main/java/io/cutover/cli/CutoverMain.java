package io.cutover.cli;

import io.quarkus.runtime.Quarkus;
import java.io.PrintWriter;

/**
 * The application's entry point: the command line is read first, and what it asks for becomes system properties,
 * which the configuration reads above the environment and application.properties; then Quarkus starts and the modes
 * run as they always did (io.cutover.run.MigrationLauncher). Without arguments nothing is set: {@code java -jar} runs
 * as configured. quarkus-picocli would parse the arguments only once Quarkus had started, too late to configure it.
 * <p>
 * It is named by quarkus.package.main-class rather than annotated {@code @QuarkusMain}: Camel Quarkus starts the Camel
 * context with the application (before the StartupEvent the modes start on) only when no class is annotated.
 */
public final class CutoverMain {

    private CutoverMain() {
    }

    public static void main(String... args) {
        CommandLineInterpreter.Invocation invocation = CommandLineInterpreter.interpret(
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (invocation.configuration().isEmpty()) {
            System.exit(invocation.exitCode());
        }
        invocation.configuration().get().forEach(System::setProperty);
        Quarkus.run();
    }
}
