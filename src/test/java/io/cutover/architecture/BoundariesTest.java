package io.cutover.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's two boundaries (docs/architecture.md): {@code state/} is the one package that speaks SQL, and nothing
 * in the engine uses the built-in simulators (the Salesforce sandbox, the legacy CRM, the generic CRM, all under
 * {@code sandbox/}), which keep their own stores and are there for rehearsals and tests only.
 */
class BoundariesTest {

    private static final Path ENGINE = Path.of("src/main/java/io/cutover");
    private static final Pattern SQL = Pattern.compile("\\b(java\\.sql|javax\\.sql)\\.");
    private static final Pattern SIMULATOR = Pattern.compile("\\bio\\.cutover\\.sandbox\\b");

    @Test
    void onlyTheStatePackageSpeaksSql() throws IOException {
        assertThat(engineFilesUsing(SQL, "state")).isEmpty();
    }

    @Test
    void theEngineDoesNotUseTheSimulators() throws IOException {
        assertThat(engineFilesUsing(SIMULATOR, null)).isEmpty();
    }

    @Test
    void theScanFindsWhatItLooksFor() throws IOException {
        assertThat(filesUsing(SQL, ENGINE.resolve("state"))).as("the state package is scanned").isNotEmpty();
        assertThat(filesUsing(SQL, ENGINE.resolve("sandbox"))).as("the simulators keep their own stores").isNotEmpty();
    }

    /** Files outside the simulators (and outside {@code allowedPackage}) with a line that matches, as file: line. */
    private static List<String> engineFilesUsing(Pattern pattern, String allowedPackage) throws IOException {
        List<String> found = new ArrayList<>();
        for (String hit : filesUsing(pattern, ENGINE)) {
            String relative = hit.substring(ENGINE.toString().length() + 1);
            if (!relative.startsWith("sandbox/") && (allowedPackage == null || !relative.startsWith(allowedPackage + "/"))) {
                found.add(hit);
            }
        }
        return found;
    }

    private static List<String> filesUsing(Pattern pattern, Path folder) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher match = pattern.matcher(line);
                    if (match.find()) {
                        found.add(file + ": " + line.strip());
                        break;
                    }
                }
            }
        }
        return found;
    }
}
