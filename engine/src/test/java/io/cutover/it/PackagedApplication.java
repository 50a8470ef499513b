package io.cutover.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (engine/target/quarkus-app), started from the project folder as a user starts it.
 *
 * <p>{@code @QuarkusIntegrationTest} serves a test that calls one application started once for its class
 * ({@link SimulatorAdminIT}). The tests here need more than that, which it cannot give: they kill an application with
 * SIGKILL and start it again on the same port and data folder (crash and restart tests), start several at once (an org
 * and the migration that loads into it, two replicas), wait for the exit code and output of one that stops by itself
 * (once mode, the command line, start-up problems), or give each application of one test class its own options.
 */
final class PackagedApplication {

    /** The simulators' admin token of every application a test starts: a packaged application runs in prod mode. */
    static final String ADMIN_TOKEN = "admin-token-for-tests";
    /** The header the simulators' admin endpoints demand outside tests' own Quarkus applications. */
    static final String ADMIN = "Bearer " + ADMIN_TOKEN;


    /** The Java running the tests, which runs the application too. */
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    final int port;
    /** Where /q/health and /q/metrics answer (quarkus.management.port): one of its own, as each test's port is. */
    final int managementPort;
    final Path log;
    private final Process process;

    private PackagedApplication(int port, int managementPort, Path log, Process process) {
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /** The environment that logs in to the built-in sandbox of another packaged application at {@code orgUrl}. */
    static Map<String, String> sandboxLogin(String orgUrl) {
        return Map.of(
                "CUTOVER_TARGET_LOGIN_URL", orgUrl,
                "CUTOVER_TARGET_CLIENT_ID", "cutover-sandbox",
                "CUTOVER_TARGET_CLIENT_SECRET", "cutover-sandbox-secret",
                "CUTOVER_TARGET_USERNAME", "admin@cutover.sandbox",
                "CUTOVER_TARGET_PASSWORD", "sandbox");
    }

    /** Environments merged, the later winning. */
    @SafeVarargs
    static Map<String, String> environment(Map<String, String>... parts) {
        Map<String, String> merged = new HashMap<>();
        for (Map<String, String> part : parts) {
            merged.putAll(part);
        }
        return merged;
    }

    static PackagedApplication start(String... systemProperties) throws IOException {
        return start(Map.of(), systemProperties);
    }

    static PackagedApplication start(Map<String, String> environment, String... systemProperties) throws IOException {
        return startOn(freePort(), environment, systemProperties);
    }

    /** On a port given: an application started again where its clients look for it. */
    static PackagedApplication startOn(int port, Map<String, String> environment, String... systemProperties)
            throws IOException {
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        // a data folder of its own unless the test names one (the last -D of a name wins)
        command.add("-Dcutover.data-dir=" + newDataDir());
        command.add("-Dcutover.simulators.admin-token=" + ADMIN_TOKEN);
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("-jar", "engine/target/quarkus-app/quarkus-run.jar"));
        return launch(port, managementPort, command, environment);
    }

    /**
     * The command line: the launcher script {@code ./cutover} with these arguments, on this test's Java, with a port
     * and a data folder of its own given as JVM options ({@code JAVA_OPTS}), which the arguments may override.
     */
    static PackagedApplication command(Map<String, String> environment, String... arguments) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        command.add("./cutover");
        command.addAll(List.of(arguments));
        Map<String, String> launcherEnvironment = new HashMap<>(Map.of(
                "JAVA_HOME", Path.of(JAVA).getParent().getParent().toString(),
                "JAVA_OPTS", "-Dquarkus.http.port=" + port + " -Dquarkus.management.port=" + managementPort
                        + " -Dcutover.data-dir=" + newDataDir()));
        launcherEnvironment.putAll(environment);
        return launch(port, managementPort, command, launcherEnvironment);
    }

    private static Path newDataDir() throws IOException {
        return Files.createTempDirectory(Path.of("target"), "data-").toAbsolutePath();
    }

    private static PackagedApplication launch(int port, int managementPort, List<String> command,
            Map<String, String> environment) throws IOException {
        Path log = Files.createTempFile(Path.of("target"), "packaged-app-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new PackagedApplication(port, managementPort, log, process);
    }

    /** The exit code, once the application has stopped by itself. */
    int exitCode() throws InterruptedException, IOException {
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The application did not stop by itself; its output:\n" + output());
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
