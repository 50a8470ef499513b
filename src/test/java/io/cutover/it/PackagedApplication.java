package io.cutover.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged application (target/quarkus-app), started from the project folder as a user starts it. */
final class PackagedApplication {

    final int port;
    final Path log;
    private final Process process;

    private PackagedApplication(int port, Path log, Process process) {
        this.port = port;
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
        Map<String, String> merged = new java.util.HashMap<>();
        for (Map<String, String> part : parts) {
            merged.putAll(part);
        }
        return merged;
    }

    static PackagedApplication start(String... systemProperties) throws IOException {
        return start(Map.of(), systemProperties);
    }

    static PackagedApplication start(Map<String, String> environment, String... systemProperties) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile(Path.of("target"), "packaged-app-", ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Dquarkus.http.port=" + port);
        // a data folder of its own unless the test names one (the last -D of a name wins)
        command.add("-Dcutover.data-dir=" + Files.createTempDirectory(Path.of("target"), "data-").toAbsolutePath());
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new PackagedApplication(port, log, process);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
