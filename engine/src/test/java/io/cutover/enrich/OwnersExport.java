package io.cutover.enrich;

import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The owners example (src/test/resources/enrich): a legacy CRM's companies and contacts, each naming its owner by
 * e-mail, the sandbox's users, and the mappings that find the owners in the target. A fresh data folder per
 * application; the sandbox keeps its records in memory.
 */
public class OwnersExport implements QuarkusTestResourceLifecycleManager {

    static final Path EXAMPLE = Path.of("engine/src/test/resources/enrich").toAbsolutePath();
    /** Small, so that one run shows several batches and several queries per batch. */
    static final int BATCH_SIZE = 4;
    static final int VALUES_PER_QUERY = 2;

    @Override
    public Map<String, String> start() {
        try {
            Path data = Files.createTempDirectory(Path.of("target"), "enrich-test-").toAbsolutePath().resolve("data");
            return SalesforceSandbox.on(Map.ofEntries(
                    Map.entry("cutover.sources.dir", EXAMPLE.resolve("sources").toString()),
                    Map.entry("cutover.export.dir", EXAMPLE.resolve("export").toString()),
                    Map.entry("cutover.mapping.dir", EXAMPLE.resolve("mappings").toString()),
                    Map.entry("cutover.schema.dir", EXAMPLE.resolve("schema").toString()),
                    Map.entry("cutover.sandbox.users", EXAMPLE.resolve("users.csv").toString()),
                    Map.entry("cutover.sandbox.storage", "memory"),
                    Map.entry("cutover.data-dir", data.toString()),
                    Map.entry("cutover.load.batch-size", String.valueOf(BATCH_SIZE)),
                    Map.entry("cutover.read.commit-interval", String.valueOf(BATCH_SIZE)),
                    Map.entry("cutover.enrich.values-per-query", String.valueOf(VALUES_PER_QUERY))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
