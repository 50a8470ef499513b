package io.cutover.run;

import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private copy of the sample export and an empty data folder for one test application, so that tests can edit the
 * export and start from an empty ledger; the sandbox, on, keeps its records in memory.
 */
public class SampleExport implements QuarkusTestResourceLifecycleManager {

    protected static Path exportDir;

    @Override
    public Map<String, String> start() {
        try {
            Path root = Files.createTempDirectory(Path.of("target"), "migration-test-").toAbsolutePath();
            exportDir = Files.createDirectories(root.resolve("export"));
            try (Stream<Path> files = Files.list(Path.of("samples/apex-recipes"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, exportDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Map<String, String> config = Map.of(
                    "cutover.export.dir", exportDir.toString(),
                    "cutover.data-dir", root.resolve("data").toString(),
                    "cutover.sandbox.storage", "memory");
            return loadsIntoTheSandbox() ? SalesforceSandbox.on(config) : config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the application's target is the sandbox (its Salesforce target's org) rather than a REST target. */
    protected boolean loadsIntoTheSandbox() {
        return true;
    }

    @Override
    public void stop() {
    }
}
