package io.cutover.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cutover.config.ConfigurationProblems;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every export description of the sources folder, read and checked once, when the application starts, with the
 * header row of the export it describes.
 */
@Singleton
public class SourceCatalog {

    private static final List<String> KEYS = List.of("object", "file", "legacyId", "charset", "delimiter", "headerRow",
            "raggedRows", "undecodable");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Map<String, ExportDescription> byObject = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    SourceCatalog(@ConfigProperty(name = "cutover.sources.dir") Path descriptionDir,
            @ConfigProperty(name = "cutover.export.dir") Path exportDir) {
        ConfigurationProblems problems = new ConfigurationProblems("the source descriptions");
        for (Path file : problems.yamlFilesIn(descriptionDir, "cutover.sources.dir")) {
            read(file, exportDir, problems).ifPresent(export -> {
                ExportDescription other = byObject.putIfAbsent(export.object(), export);
                if (other != null) {
                    problems.add(file, "object: " + export.object() + " is already described by " + other.description());
                } else {
                    readHeader(export, problems);
                }
            });
        }
        problems.throwIfAny();
    }

    public Optional<ExportDescription> find(String object) {
        return Optional.ofNullable(byObject.get(object));
    }

    public ExportDescription forObject(String object) {
        return find(object).orElseThrow(() -> new IllegalArgumentException(
                "No source description describes " + object + "; described objects: " + byObject.keySet()));
    }

    /** The column names of the object's export. */
    public List<String> header(String object) {
        return headers.get(object);
    }

    private static Optional<ExportDescription> read(Path file, Path exportDir, ConfigurationProblems problems) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            problems.addYamlSyntax(file, e);
            return Optional.empty();
        } catch (IOException e) {
            problems.add(file, "cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            problems.add(file, "expected the keys " + KEYS + ", found none");
            return Optional.empty();
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                problems.add(file, "unknown key '" + key + "' (expected one of " + KEYS + ")");
            }
        });
        String object = text(root, "object", file, problems);
        String data = text(root, "file", file, problems);
        String legacyId = text(root, "legacyId", file, problems);
        Optional<CsvSettings> csv = CsvSettingsKeys.read(root, file, problems);
        if (object == null || data == null || legacyId == null || csv.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExportDescription(file, object, exportDir.resolve(data), legacyId, csv.get()));
    }

    private void readHeader(ExportDescription export, ConfigurationProblems problems) {
        try (CsvExportReader reader = new CsvExportReader(export)) {
            List<String> header = reader.header();
            headers.put(export.object(), header);
            if (!header.contains(export.legacyIdColumn())) {
                problems.add(export.description(), "legacyId: column '" + export.legacyIdColumn() + "' is not in "
                        + export.file() + " (columns: " + header + ")");
            }
            header.stream().filter(column -> header.indexOf(column) != header.lastIndexOf(column)).distinct()
                    .forEach(column -> problems.add(export.description(), "file: column '" + column + "' appears "
                            + "more than once in the header of " + export.file()));
        } catch (IOException | RuntimeException e) {
            problems.add(export.description(), "file: cannot read the header of " + export.file() + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode root, String key, Path file, ConfigurationProblems problems) {
        JsonNode value = root.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(file, key + ": missing (expected a text value)");
            return null;
        }
        return value.asText();
    }
}
