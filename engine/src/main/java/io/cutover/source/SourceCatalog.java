package io.cutover.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.config.ConfigurationProblems;
import io.cutover.http.Secrets;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every export description of the sources folder, read and checked once, when the application starts, with the
 * header row of the export it describes. An object has one export, or several exports (files, or REST APIs), each
 * naming its source (the legacy system it comes from), whose name namespaces its legacy ids.
 */
@Singleton
public class SourceCatalog {

    private static final List<String> KEYS = List.of("object", "file", "legacyId", "source", "values", "charset",
            "delimiter", "headerRow", "raggedRows", "undecodable", "changes", "rest", "columns", "ignoreColumns");
    private static final List<String> REST_KEYS = List.of("object", "legacyId", "source", "values", "rest");
    /** A source name prefixes legacy ids with a colon ({@code fr:10000}): it holds none itself. */
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern GLOB = Pattern.compile("[*?\\[{]");
    private static final String FILES_OR_REST = "; an object's exports are files, or REST APIs, not both (several "
            + "exports of one object each name their source: source: fr)";
    private static final String EACH_NAMES_ITS_SOURCE = "; several exports of one object each name their source "
            + "(source: fr), which namespaces their legacy ids (fr:10000) so that the ids of two systems never collide";

    /** Each object's file export descriptions, in the order of their description files' names; a file may be a glob. */
    private final Map<String, List<ExportDescription>> byObject = new LinkedHashMap<>();
    /** Each object's REST sources, in the order of their description files' names. */
    private final Map<String, List<RestSource>> restByObject = new LinkedHashMap<>();
    /** The change columns of file exports that have them (their delta files' columns too). */
    private final Map<String, ChangeColumns> changesByObject = new LinkedHashMap<>();
    /**
     * The columns of each export file found at start-up, its {@code values:} included; a REST export's fields are known
     * only once it answers.
     */
    private final Map<ExportDescription, List<String>> columnsByExport = new LinkedHashMap<>();

    @Inject
    SourceCatalog(SourcesFolder descriptions, ExportFolder export) {
        this(descriptions.dir(), export.dir(), Secrets.processEnvironment());
    }

    /** With the environment the descriptions' ${env:NAME} secrets are read from. */
    SourceCatalog(Path descriptionDir, Path exportDir, Function<String, String> environment) {
        ConfigurationProblems problems = new ConfigurationProblems("the source descriptions");
        // read once every export of their object is known: an object with several has no delta files
        Map<ExportDescription, JsonNode> changes = new LinkedHashMap<>();
        for (Path file : problems.yamlFilesIn(descriptionDir, "cutover.sources.dir")) {
            JsonNode root = problems.readYamlObject(file, KEYS);
            if (root != null && root.has("rest")) {
                readRest(file, root, environment, problems).ifPresent(rest -> {
                    if (!alreadyDescribed(rest, problems)) {
                        restByObject.computeIfAbsent(rest.object(), object -> new ArrayList<>()).add(rest);
                    }
                });
            } else if (root != null) {
                read(file, root, exportDir, problems).ifPresent(export -> {
                    if (!alreadyDescribed(export, problems)) {
                        byObject.computeIfAbsent(export.object(), object -> new ArrayList<>()).add(export);
                        readHeaders(export, problems);
                        if (root.has("changes")) {
                            changes.put(export, root.get("changes"));
                        }
                    }
                });
            }
        }
        changes.forEach((export, columns) -> changes(columns, export, problems)
                .ifPresent(read -> changesByObject.put(export.object(), read)));
        problems.throwIfAny();
    }

    /**
     * Whether the REST source cannot be one more of its object's (a problem): an object has several REST sources only
     * when each names a source of its own, and its exports are all REST APIs or all files.
     */
    private boolean alreadyDescribed(RestSource rest, ConfigurationProblems problems) {
        String object = rest.object();
        if (byObject.containsKey(object)) {
            problems.add(rest.description(), "object: " + object + " is already described by "
                    + byObject.get(object).get(0).description() + FILES_OR_REST);
            return true;
        }
        for (RestSource other : restByObject.getOrDefault(object, List.of())) {
            if (sameSource(rest.description(), object, rest.source(), other.description(), other.source(), problems,
                    "one REST API serving several parts of an object is one source")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the export cannot be one more of its object's (a problem): an object has several file exports only when
     * each names a source of its own, and its exports are all files or all REST APIs.
     */
    private boolean alreadyDescribed(ExportDescription export, ConfigurationProblems problems) {
        String object = export.object();
        Path file = export.description();
        if (restByObject.containsKey(object)) {
            problems.add(file, "object: " + object + " is already described by "
                    + restByObject.get(object).get(0).description() + FILES_OR_REST);
            return true;
        }
        for (ExportDescription other : byObject.getOrDefault(object, List.of())) {
            if (sameSource(file, object, export.source(), other.description(), other.source(), problems,
                    "a file split into parts is one export: file: accounts-*.csv")) {
                return true;
            }
        }
        return false;
    }

    /** Whether two exports of one object lack distinct source names (a problem): one of them has none, or both the same. */
    private static boolean sameSource(Path file, String object, Optional<String> source, Path other,
            Optional<String> otherSource, ConfigurationProblems problems, String onePart) {
        if (otherSource.isEmpty() || source.isEmpty()) {
            problems.add(file, "object: " + object + " is already described by " + other + EACH_NAMES_ITS_SOURCE);
            return true;
        }
        if (otherSource.equals(source)) {
            problems.add(file, "source: " + source.get() + " already names the export of " + object + " described by "
                    + other + "; each export of an object has a source name of its own (" + onePart + ")");
            return true;
        }
        return false;
    }

    /** Whether a description, of a file or of a REST API, describes the object's export. */
    public boolean describes(String object) {
        return byObject.containsKey(object) || restByObject.containsKey(object);
    }

    /** The objects described, by a file or a REST API. */
    public Set<String> objects() {
        Set<String> objects = new LinkedHashSet<>(byObject.keySet());
        objects.addAll(restByObject.keySet());
        return objects;
    }

    /**
     * The object's REST sources, when its descriptions have a {@code rest} key instead of a file: one, or several each
     * with its source name, in the order of their description files' names. Empty for an object exported as files.
     */
    public List<RestSource> restSources(String object) {
        return restByObject.getOrDefault(object, List.of());
    }

    /** Whether the object is read from REST APIs rather than files. */
    public boolean readsRest(String object) {
        return restByObject.containsKey(object);
    }

    /**
     * The REST source a legacy id of the object belongs to: the one whose source name namespaces it ({@code eu:ACC1}:
     * source {@code eu}), or the object's one source without a name. Empty when none does.
     */
    public Optional<RestSource> restSourceOf(String object, String legacyId) {
        return restSources(object).stream().filter(rest -> rest.ownId(legacyId) != null).findFirst();
    }

    /** The REST source the record was read from, by its source name. */
    private Optional<RestSource> restSourceOf(SourceRecord record) {
        return restSources(record.object()).stream()
                .filter(rest -> rest.source().equals(Optional.ofNullable(record.source()))).findFirst();
    }

    /**
     * The source's modification marker of the record (its REST source's incremental field): which of two versions of a
     * record is the newer one. Empty for a file export, or a REST export without change capture.
     */
    public Optional<String> changeMarker(SourceRecord record) {
        return changeColumns(record).flatMap(columns -> columns.marker(record.values()));
    }

    /** Whether the record is the legacy CRM's note of a deletion (rest.incremental.deleted, or a file's changes.deleted). */
    public boolean deletes(SourceRecord record) {
        return changeColumns(record).filter(columns -> columns.deletes(record.values())).isPresent();
    }

    /** Whether an export of the object flags deleted records (rest.incremental.deleted, or a file's changes.deleted). */
    public boolean flagsDeletions(String object) {
        return readsRest(object) ? restSources(object).stream()
                .anyMatch(rest -> rest.incremental().flatMap(RestSource.Incremental::deleted).isPresent())
                : Optional.ofNullable(changesByObject.get(object)).flatMap(ChangeColumns::deleted).isPresent();
    }

    /** The columns of the record's export that say when it changed and that it was deleted, if it has them. */
    private Optional<ChangeColumns> changeColumns(SourceRecord record) {
        return readsRest(record.object()) ? restSourceOf(record).flatMap(RestSource::incremental)
                .map(RestSource.Incremental::columns) : Optional.ofNullable(changesByObject.get(record.object()));
    }

    /**
     * The object's one export file, when its export is one file: not when several descriptions describe it, nor when
     * its file is a glob. Its delta files are read with its settings.
     */
    public Optional<ExportDescription> find(String object) {
        List<ExportDescription> descriptions = byObject.getOrDefault(object, List.of());
        return descriptions.size() == 1 && !isGlob(descriptions.get(0).file()) ? Optional.of(descriptions.get(0))
                : Optional.empty();
    }

    public ExportDescription forObject(String object) {
        return find(object).orElseThrow(() -> new IllegalArgumentException(byObject.containsKey(object)
                ? object + " has several export files (" + exportNames(object) + "), not one"
                : "No source description describes " + object + " as a file; described objects: " + objects()));
    }

    /**
     * The object's export files as they are now, each with its description's settings, in the order they are read: by
     * the name of their description file, then a glob's files by name. Empty for an object read from a REST API.
     *
     * @throws UncheckedIOException when a glob matches no file, or its folder cannot be listed
     */
    public List<ExportDescription> exports(String object) {
        List<ExportDescription> exports = new ArrayList<>();
        for (ExportDescription description : byObject.getOrDefault(object, List.of())) {
            try {
                exports.addAll(files(description));
            } catch (IOException e) {
                throw new UncheckedIOException(description.description() + ": " + e.getMessage(), e);
            }
        }
        return exports;
    }

    /** The files and globs of the object's descriptions, as written, for messages. */
    public String exportNames(String object) {
        return String.join(", ", byObject.getOrDefault(object, List.of()).stream()
                .map(export -> export.file().getFileName().toString()).toList());
    }

    /** The legacy id column of each of the object's exports, files or REST APIs, each once. */
    public List<String> legacyIdColumns(String object) {
        return readsRest(object) ? restSources(object).stream().map(RestSource::legacyIdColumn).distinct().toList()
                : byObject.getOrDefault(object, List.of()).stream().map(ExportDescription::legacyIdColumn).distinct()
                        .toList();
    }

    /** The names of the sources of the object's exports ({@code fr}, {@code ro}); none when its ids are not namespaced. */
    public Set<String> sourceNames(String object) {
        Set<String> names = new LinkedHashSet<>();
        byObject.getOrDefault(object, List.of()).forEach(export -> export.source().ifPresent(names::add));
        restSources(object).forEach(rest -> rest.source().ifPresent(names::add));
        return names;
    }

    /** The legacy id column of the object's export, file or REST API, of that source name. */
    public Optional<String> legacyIdColumn(String object, String sourceName) {
        Optional<String> name = Optional.of(sourceName);
        return Stream.concat(byObject.getOrDefault(object, List.of()).stream()
                .filter(export -> export.source().equals(name)).map(ExportDescription::legacyIdColumn),
                restSources(object).stream().filter(rest -> rest.source().equals(name)).map(RestSource::legacyIdColumn))
                .findFirst();
    }

    /**
     * The legacy id of the parent a record refers to with {@code value}: namespaced with the record's source name when
     * the parent object has an export of that source name too ({@code fr:10000}: the account of the French CRM), as it
     * is otherwise (the parent object comes from one system, whose ids are not namespaced, or from none of the child's).
     */
    public String parentLegacyId(SourceRecord child, String parentObject, String value) {
        return child.source() != null && sourceNames(parentObject).contains(child.source())
                ? child.source() + ":" + value : value;
    }

    /**
     * The value a record of source {@code childSource} names its parent with, for the parent's legacy id: the inverse of
     * {@link #parentLegacyId} ({@code ACC1} for {@code eu:ACC1} when the child is of source {@code eu}). Null when the
     * parent is of another source than the child, which the child's system cannot name.
     */
    public String parentValue(String childSource, String parentObject, String parentLegacyId) {
        if (childSource == null || !sourceNames(parentObject).contains(childSource)) {
            return parentLegacyId;
        }
        String prefix = childSource + ":";
        return parentLegacyId.startsWith(prefix) ? parentLegacyId.substring(prefix.length()) : null;
    }

    /**
     * The column names of the object's exports, in the order of the first export having each: its file's header, then
     * its {@code values:}. Null for an object read from a REST API.
     */
    public List<String> header(String object) {
        if (!byObject.containsKey(object)) {
            return null;
        }
        Set<String> columns = new LinkedHashSet<>();
        columnsByExport.forEach((export, exportColumns) -> {
            if (export.object().equals(object)) {
                columns.addAll(exportColumns);
            }
        });
        return List.copyOf(columns);
    }

    /** The columns of each of the object's export files found at start-up: its header, then its {@code values:}. */
    public Map<ExportDescription, List<String>> columnsByExport(String object) {
        Map<ExportDescription, List<String>> columns = new LinkedHashMap<>();
        columnsByExport.forEach((export, exportColumns) -> {
            if (export.object().equals(object)) {
                columns.put(export, exportColumns);
            }
        });
        return columns;
    }

    /** The description's file, or each file its glob matches, by name. */
    private static List<ExportDescription> files(ExportDescription description) throws IOException {
        if (!isGlob(description.file())) {
            return List.of(description);
        }
        Path folder = description.file().getParent();
        String glob = description.file().getFileName().toString();
        PathMatcher matcher = folder.getFileSystem().getPathMatcher("glob:" + glob);
        List<ExportDescription> parts;
        try (Stream<Path> files = Files.list(folder)) {
            parts = files.filter(file -> Files.isRegularFile(file) && matcher.matches(file.getFileName()))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString())).map(description::withFile)
                    .toList();
        }
        if (parts.isEmpty()) {
            throw new IOException("file: no file in " + folder + " matches " + glob);
        }
        return parts;
    }

    private static boolean isGlob(Path file) {
        return GLOB.matcher(file.getFileName().toString()).find();
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
        Optional<String> source = sourceName(root.get("source"), file, problems);
        Optional<Map<String, String>> values = values(root.get("values"), file, problems);
        if (object == null || legacyId == null || values.isEmpty() || root.has("source") && source.isEmpty()) {
            return Optional.empty();
        }
        return RestSourceKeys.read(root.get("rest"), file, object, legacyId, source, values.get(), environment, problems);
    }

    private static Optional<ExportDescription> read(Path file, JsonNode root, Path exportDir, ConfigurationProblems problems) {
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                problems.add(file, "unknown key '" + key + "' (expected one of " + KEYS + ")");
            }
        });
        String object = text(root, "object", file, problems);
        String data = text(root, "file", file, problems);
        String legacyId = legacyIdColumns(root.get("legacyId"), file, problems);
        Optional<CsvSettings> csv = CsvSettingsKeys.read(root, file, problems);
        Optional<String> source = sourceName(root.get("source"), file, problems);
        Optional<Map<String, String>> values = values(root.get("values"), file, problems);
        if (data != null && Path.of(data).getParent() != null && GLOB.matcher(Path.of(data).getParent().toString()).find()) {
            problems.add(file, "file: '" + data + "': a glob matches file names in one folder, not folders");
            return Optional.empty();
        }
        if (object == null || data == null || legacyId == null || csv.isEmpty() || values.isEmpty()
                || root.has("source") && source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExportDescription(file, object, exportDir.resolve(data), legacyId, csv.get(), source,
                values.get()));
    }

    private static Optional<String> sourceName(JsonNode source, Path file, ConfigurationProblems problems) {
        if (source == null) {
            return Optional.empty();
        }
        if (!source.isValueNode() || !SOURCE_NAME.matcher(source.asText()).matches()) {
            problems.add(file, "source: '" + source.asText() + "' is not a source name: letters, digits, - and _ "
                    + "(it prefixes the export's legacy ids with a colon: fr:10000)");
            return Optional.empty();
        }
        return Optional.of(source.asText());
    }

    /** {@code values: {country: France}}: a text, number or boolean for each column added. */
    private static Optional<Map<String, String>> values(JsonNode values, Path file, ConfigurationProblems problems) {
        if (values == null) {
            return Optional.of(Map.of());
        }
        if (!values.isObject()) {
            problems.add(file, "values: expected the constant columns added to every row, {<column>: <value>, …}");
            return Optional.empty();
        }
        Map<String, String> constants = new LinkedHashMap<>();
        values.fields().forEachRemaining(value -> {
            if (value.getValue().isContainerNode()) {
                problems.add(file, "values." + value.getKey() + ": expected a text, a number or a boolean");
            } else {
                constants.put(value.getKey(), value.getValue().isNull() ? "" : value.getValue().asText());
            }
        });
        return constants.size() == values.size() ? Optional.of(Collections.unmodifiableMap(constants)) : Optional.empty();
    }

    /**
     * {@code changes: {field: updated_at, deleted: deleted}}: both columns must be in the export's header. The delta
     * files of an object are read with its export's settings, so its export is one file.
     */
    private Optional<ChangeColumns> changes(JsonNode changes, ExportDescription export, ConfigurationProblems problems) {
        Path file = export.description();
        if (find(export.object()).isEmpty()) {
            problems.add(file, "changes: the cutover sync's delta files are read with the settings of their object's "
                    + "one export file, and " + export.object() + " has several (" + exportNames(export.object())
                    + "); keep changes: for an object exported as one file");
            return Optional.empty();
        }
        if (!changes.isObject() || !changes.has("field") || !changes.get("field").isTextual()) {
            problems.add(file, "changes: expected {field: <column with the modification time>, deleted: <optional column "
                    + "flagging deleted records>}");
            return Optional.empty();
        }
        ChangeColumns columns = new ChangeColumns(changes.get("field").asText(),
                Optional.ofNullable(changes.get("deleted")).map(JsonNode::asText));
        List<String> header = header(export.object());
        Stream.concat(Stream.of(columns.field()), columns.deleted().stream()).filter(column -> !header.contains(column))
                .forEach(column -> problems.add(file, "changes: column '" + column + "' is not in the export's header "
                        + header));
        return Optional.of(columns);
    }

    /** Reads the header of each file the description matches, checking its columns against the description. */
    private void readHeaders(ExportDescription description, ConfigurationProblems problems) {
        List<ExportDescription> files;
        try {
            files = files(description);
        } catch (IOException e) {
            problems.add(description.description(), e.getMessage());
            return;
        }
        files.forEach(export -> readHeader(export, problems));
    }

    private void readHeader(ExportDescription export, ConfigurationProblems problems) {
        try (CsvExportReader reader = new CsvExportReader(export)) {
            List<String> header = reader.header();
            List<String> columns = new ArrayList<>(header);
            columns.addAll(export.values().keySet());
            columnsByExport.put(export, List.copyOf(columns));
            if (!ExportDescription.hasLegacyId(header, export.legacyIdColumn())) {
                problems.add(export.description(), "legacyId: column '" + export.legacyIdColumn() + "' is not in "
                        + export.file() + " (columns: " + header + ")");
            }
            header.stream().filter(column -> header.indexOf(column) != header.lastIndexOf(column)).distinct()
                    .forEach(column -> {
                        List<Integer> positions = positions(reader.rawHeader(), export.csv(), column);
                        int other = positions.isEmpty() ? 1 : positions.get(positions.size() - 1);
                        problems.add(export.description(), "file: column '" + column + "' appears more than once in the "
                                + "header of " + export.file() + (positions.size() > 1 ? " (columns " + positions + ")" : "")
                                + ": name the others in the source description (columns: {" + other + ": another_name}) "
                                + "or leave them out (ignoreColumns: [" + other + "])");
                    });
            export.values().keySet().stream().filter(header::contains)
                    .forEach(column -> problems.add(export.description(), "values." + column + ": " + export.file()
                            + " has a column '" + column + "' already; a constant would hide its values"));
        } catch (IOException | RuntimeException e) {
            problems.add(export.description(), "file: cannot read the header of " + export.file() + ": " + e.getMessage());
        }
    }

    /** The 1-based positions of the column in the header as the file has it, those named or ignored left out. */
    private static List<Integer> positions(List<String> header, CsvSettings csv, String column) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(column) && !csv.columnNames().containsKey(i + 1) && !csv.ignoredColumns().contains(i + 1)) {
                positions.add(i + 1);
            }
        }
        return positions;
    }

    /** {@code legacyId: id}, or {@code legacyId: [region, number]} for an id made of several columns. */
    private static String legacyIdColumns(JsonNode legacyId, Path file, ConfigurationProblems problems) {
        if (legacyId != null && legacyId.isArray() && legacyId.size() >= 2) {
            List<String> columns = new ArrayList<>();
            legacyId.forEach(column -> columns.add(column.asText()));
            if (columns.stream().noneMatch(column -> column.isBlank() || column.contains(ExportDescription.PARTS_JOINED))) {
                return String.join(ExportDescription.PARTS_JOINED, columns);
            }
        }
        if (legacyId == null || !legacyId.isTextual() || legacyId.asText().isBlank()) {
            problems.add(file, "legacyId: missing (expected the legacy id column, or a list of the columns it is made of)");
            return null;
        }
        return legacyId.asText();
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
