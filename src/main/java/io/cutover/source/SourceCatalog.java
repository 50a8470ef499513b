package io.cutover.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.config.ConfigurationProblems;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every export description of the sources folder, read and checked once, when the application starts, with the
 * header row of the export it describes.
 */
@Singleton
public class SourceCatalog {

    private static final List<String> KEYS = List.of("object", "file", "legacyId", "charset", "delimiter", "headerRow",
            "raggedRows", "undecodable", "changes", "rest");
    private static final List<String> REST_KEYS = List.of("object", "legacyId", "rest");

    private final Map<String, ExportDescription> byObject = new LinkedHashMap<>();
    private final Map<String, RestSource> restByObject = new LinkedHashMap<>();
    /** The change columns of file exports that have them (their delta files' columns too). */
    private final Map<String, ChangeColumns> changesByObject = new LinkedHashMap<>();
    /** The column names of each file export; a REST export's fields are known only once it answers. */
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    @Inject
    SourceCatalog(@ConfigProperty(name = "cutover.sources.dir") Path descriptionDir,
            @ConfigProperty(name = "cutover.export.dir") Path exportDir) {
        this(descriptionDir, exportDir, RestSourceKeys.processEnvironment());
    }

    /** With the environment the descriptions' ${env:NAME} secrets are read from. */
    SourceCatalog(Path descriptionDir, Path exportDir, Function<String, String> environment) {
        ConfigurationProblems problems = new ConfigurationProblems("the source descriptions");
        for (Path file : problems.yamlFilesIn(descriptionDir, "cutover.sources.dir")) {
            JsonNode root = problems.readYamlObject(file, KEYS);
            if (root != null && root.has("rest")) {
                readRest(file, root, environment, problems).ifPresent(rest -> {
                    if (alreadyDescribed(rest.object(), file, problems)) {
                        return;
                    }
                    restByObject.put(rest.object(), rest);
                });
            } else if (root != null) {
                read(file, root, exportDir, problems).ifPresent(export -> {
                    if (!alreadyDescribed(export.object(), file, problems)) {
                        byObject.put(export.object(), export);
                        readHeader(export, problems);
                        changes(root.get("changes"), export, problems)
                                .ifPresent(columns -> changesByObject.put(export.object(), columns));
                    }
                });
            }
        }
        problems.throwIfAny();
    }

    /** Whether another description describes the object already (a problem). */
    private boolean alreadyDescribed(String object, Path file, ConfigurationProblems problems) {
        Path other = byObject.containsKey(object) ? byObject.get(object).description()
                : restByObject.containsKey(object) ? restByObject.get(object).description() : null;
        if (other != null) {
            problems.add(file, "object: " + object + " is already described by " + other);
        }
        return other != null;
    }

    /** Whether a description, of a file or of a REST API, describes the object's export. */
    public boolean describes(String object) {
        return byObject.containsKey(object) || restByObject.containsKey(object);
    }

    /** The objects described, by a file or a REST API. */
    public java.util.Set<String> objects() {
        java.util.Set<String> objects = new java.util.LinkedHashSet<>(byObject.keySet());
        objects.addAll(restByObject.keySet());
        return objects;
    }

    /** The object's REST export, when its description has a {@code rest} key instead of a file. */
    public Optional<RestSource> findRest(String object) {
        return Optional.ofNullable(restByObject.get(object));
    }

    /**
     * The source's modification marker of the record (its REST source's incremental field): which of two versions of a
     * record is the newer one. Empty for a file export, or a REST export without change capture.
     */
    public Optional<String> changeMarker(SourceRecord record) {
        return changeColumns(record.object()).flatMap(columns -> columns.marker(record.values()));
    }

    /** Whether the record is the legacy CRM's note of a deletion (rest.incremental.deleted, or a file's changes.deleted). */
    public boolean deletes(SourceRecord record) {
        return changeColumns(record.object()).filter(columns -> columns.deletes(record.values())).isPresent();
    }

    /** The columns of the object's export that say when a record changed and that it was deleted, if it has them. */
    public Optional<ChangeColumns> changeColumns(String object) {
        Optional<RestSource> rest = findRest(object);
        return rest.isPresent() ? rest.get().incremental().map(RestSource.Incremental::columns)
                : Optional.ofNullable(changesByObject.get(object));
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

    private static Optional<RestSource> readRest(Path file, JsonNode root, Function<String, String> environment,
            ConfigurationProblems problems) {
        root.fieldNames().forEachRemaining(key -> {
            if (!REST_KEYS.contains(key)) {
                problems.add(file, "unknown key '" + key + "' (a description with rest: has the keys " + REST_KEYS
                        + "; file and the CSV keys describe a file export)");
            }
        });
        String object = text(root, "object", file, problems);
        String legacyId = text(root, "legacyId", file, problems);
        if (object == null || legacyId == null) {
            return Optional.empty();
        }
        return RestSourceKeys.read(root.get("rest"), file, object, legacyId, environment, problems);
    }

    private static Optional<ExportDescription> read(Path file, JsonNode root, Path exportDir, ConfigurationProblems problems) {
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

    /** {@code changes: {field: updated_at, deleted: deleted}}: both columns must be in the export's header. */
    private Optional<ChangeColumns> changes(JsonNode changes, ExportDescription export, ConfigurationProblems problems) {
        Path file = export.description();
        if (changes == null) {
            return Optional.empty();
        }
        if (!changes.isObject() || !changes.has("field") || !changes.get("field").isTextual()) {
            problems.add(file, "changes: expected {field: <column with the modification time>, deleted: <optional column "
                    + "flagging deleted records>}");
            return Optional.empty();
        }
        ChangeColumns columns = new ChangeColumns(changes.get("field").asText(),
                Optional.ofNullable(changes.get("deleted")).map(JsonNode::asText));
        List<String> header = headers.getOrDefault(export.object(), List.of());
        Stream.concat(Stream.of(columns.field()), columns.deleted().stream()).filter(column -> !header.contains(column))
                .forEach(column -> problems.add(file, "changes: column '" + column + "' is not in the export's header "
                        + header));
        return Optional.of(columns);
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
