package io.cutover.source;

import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private copy of the regional exports sample (samples/regional-exports: two subsidiaries' CRMs, their accounts and
 * contacts), its source descriptions and mappings, with an empty data folder; the sandbox keeps its records in memory.
 */
public class RegionalExports implements QuarkusTestResourceLifecycleManager {

    static final Path SAMPLE = Path.of("samples/regional-exports");
    static Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory(Path.of("target"), "regional-exports-test-").toAbsolutePath();
            for (String folder : new String[] {"export", "sources", "mappings"}) {
                Path copy = Files.createDirectories(root.resolve(folder));
                try (Stream<Path> files = Files.list(SAMPLE.resolve(folder))) {
                    for (Path file : files.toList()) {
                        Files.copy(file, copy.resolve(file.getFileName()));
                    }
                }
            }
            return SalesforceSandbox.on(Map.of("cutover.export.dir", root.resolve("export").toString(),
                    "cutover.sources.dir", root.resolve("sources").toString(),
                    "cutover.mapping.dir", root.resolve("mappings").toString(),
                    "cutover.data-dir", root.resolve("data").toString(),
                    "cutover.sandbox.storage", "memory"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
