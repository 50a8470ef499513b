package io.cutover.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A copy of the project's routes/ in which accounts are loaded 10 a call: the edit a user makes in YAML (a parameter
 * of the object's templatedRoute), with no Java compiled.
 */
public class EditedRoutes extends SampleExport {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(super.start());
        try {
            Path routes = Files.createTempDirectory(Path.of("target"), "edited-routes-").toAbsolutePath();
            try (Stream<Path> files = Files.list(Path.of("routes"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, routes.resolve(file.getFileName()));
                }
            }
            Path migration = routes.resolve("migration.yaml");
            String original = Files.readString(migration);
            String edited = original.replace("""
                        routeId: load-Account
                        parameters:
                    """, """
                        routeId: load-Account
                        parameters:
                          - name: batchSize
                            value: "10"
                    """);
            if (edited.equals(original)) {
                throw new IllegalStateException("routes/migration.yaml no longer has the step this test removes");
            }
            Files.writeString(migration, edited);
            config.put("camel.main.routes-include-pattern", "file:" + routes + "/*.yaml");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
