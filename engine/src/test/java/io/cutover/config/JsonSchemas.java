package io.cutover.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JSON Schemas of the files users edit ({@code schemas/}), applied to YAML as an editor's YAML language server
 * applies them.
 */
public enum JsonSchemas {

    MAPPING("mapping.schema.json"),
    SOURCE("source.schema.json"),
    TARGET("target.schema.json"),
    MATCH_RULES("match-rules.schema.json");

    public static final Path DIR = Path.of("schemas");
    /** The first line of a file that names its schema, as the YAML language server reads it. */
    public static final Pattern MODELINE = Pattern.compile("# yaml-language-server: \\$schema=(\\S+)");

    /** The first line of a broken file: what the start-up check says about it. */
    private static final Pattern REJECTED_WITH = Pattern.compile("# rejected with: (.+)");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final String fileName;
    private Schema schema;

    JsonSchemas(String fileName) {
        this.fileName = fileName;
    }

    public Path file() {
        return DIR.resolve(fileName);
    }

    /** The schema's complaints about a YAML text, one line each (where: what); none when it validates. */
    public List<String> problems(String yaml) {
        try {
            return problems(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> problems(Path file) {
        try {
            return problems(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> problems(JsonNode document) {
        return schema().validate(document).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    /** The schema a file names in its first line, resolved against the file's folder; null when it names none. */
    public static Path namedBy(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Matcher modeline = lines.isEmpty() ? null : MODELINE.matcher(lines.get(0));
        return modeline != null && modeline.matches() ? file.getParent().resolve(modeline.group(1)).normalize() : null;
    }

    /** A file broken in one way, and what the start-up check says about it. */
    public record BrokenFile(Path file, String rejectedWith) {
        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    /**
     * The broken files of {@code src/test/resources/schemas/broken/<folder>}, each with its first line
     * {@code # rejected with: <what the start-up check says>}.
     */
    public static List<BrokenFile> brokenFiles(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("engine/src/test/resources/schemas/broken", folder))) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().map(file -> {
                try {
                    Matcher rejectedWith = REJECTED_WITH.matcher(Files.readAllLines(file).get(0));
                    if (!rejectedWith.matches()) {
                        throw new IllegalStateException(file + " does not say in its first line what the start-up "
                                + "check says about it (# rejected with: ...)");
                    }
                    return new BrokenFile(file, rejectedWith.group(1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private synchronized Schema schema() {
        if (schema == null) {
            try (InputStream json = Files.newInputStream(file())) {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }
}
