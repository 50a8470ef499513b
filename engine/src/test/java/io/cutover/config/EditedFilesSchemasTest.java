package io.cutover.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file users edit that the project ships, and every such file or part of one the docs show, validates against
 * its JSON Schema, which the file names in its first line for editors. The broken files that both the start-up check
 * and the schema reject are in each stage's SchemaAgreementTest.
 */
class EditedFilesSchemasTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern YAML_BLOCK = Pattern.compile("```ya?ml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern FILE_LINE = Pattern.compile("# file: (\\S+)\\n");

    /** Where each kind of file lives, shipped or in the tests' resources the docs quote. */
    private static final Map<String, JsonSchemas> KINDS = new LinkedHashMap<>();
    static {
        for (String folder : List.of("mappings", "samples/*/mappings", "engine/src/test/resources/**/mappings")) {
            KINDS.put(folder + "/*.yaml", JsonSchemas.MAPPING);
        }
        for (String folder : List.of("sources", "sources-rest", "samples/*/sources")) {
            KINDS.put(folder + "/*.yaml", JsonSchemas.SOURCE);
        }
        KINDS.put("targets/*.yaml", JsonSchemas.TARGET);
        KINDS.put("matching/*.yaml", JsonSchemas.MATCH_RULES);
    }

    /** The pages whose YAML blocks, when not a whole file, are parts of a file of their page's kind. */
    private static final Map<String, JsonSchemas> PAGES = Map.of("mapping.md", JsonSchemas.MAPPING,
            "sources.md", JsonSchemas.SOURCE, "targets.md", JsonSchemas.TARGET, "duplicates.md", JsonSchemas.MATCH_RULES);

    /** The least of a file of each kind, which a part shown in the docs completes. */
    private static final Map<JsonSchemas, String> SKELETONS = Map.of(
            JsonSchemas.MAPPING, "{object: Account, externalId: Legacy_Id__c, fields: {Name: name}}",
            JsonSchemas.SOURCE, "{object: Account, file: accounts.csv, legacyId: account_id}",
            JsonSchemas.TARGET, "{baseUrl: 'https://crm.example.com/api', objects: {Account: "
                    + "{legacyIdField: legacy_id, id: $.id, upsert: 'PUT /accounts/{legacyId}'}}}",
            JsonSchemas.MATCH_RULES, "{object: Account, threshold: 8, rules: [{field: Name, agree: 8}], blocking: [[Name]]}");

    @Test
    void everyShippedFileNamesItsSchemaAndValidates() throws IOException {
        Map<Path, JsonSchemas> files = shippedFiles();
        assertThat(files.values()).contains(JsonSchemas.values());
        for (Map.Entry<Path, JsonSchemas> file : files.entrySet()) {
            assertThat(JsonSchemas.namedBy(file.getKey())).as("the schema %s names in its first line", file.getKey())
                    .isEqualTo(file.getValue().file());
            assertThat(file.getValue().problems(file.getKey())).as("%s against %s", file.getKey(), file.getValue().file())
                    .isEmpty();
        }
    }

    @Test
    void everyFileAndPartOfOneShownInTheDocsValidates() throws IOException {
        List<String> checked = new ArrayList<>();
        for (Path page : docs()) {
            String text = Files.readString(page);
            Matcher block = YAML_BLOCK.matcher(text);
            while (block.find()) {
                String where = page + " line " + (text.substring(0, block.start()).lines().count() + 1);
                Matcher fileLine = FILE_LINE.matcher(block.group(1));
                Optional<JsonSchemas> kindOfFile = fileLine.lookingAt() ? kindOf(Path.of(fileLine.group(1))) : Optional.empty();
                JsonNode shown = YAML.readTree(block.group(1));
                if (shown == null || !shown.isObject()) {
                    continue; // routes: lists of steps
                }
                Optional<JsonSchemas> kind = kindOfFile.or(() -> wholeFileKind(shown));
                JsonNode document = shown;
                if (kind.isEmpty() && PAGES.containsKey(page.getFileName().toString())) {
                    kind = Optional.of(PAGES.get(page.getFileName().toString()));
                    document = completed(kind.get(), (ObjectNode) shown);
                }
                if (kind.isPresent()) {
                    assertThat(kind.get().problems(document)).as("the block at %s against %s", where, kind.get().file())
                            .isEmpty();
                    checked.add(where);
                }
            }
        }
        assertThat(checked).as("blocks checked").hasSizeGreaterThan(20);
    }

    private static Map<Path, JsonSchemas> shippedFiles() throws IOException {
        Map<Path, JsonSchemas> files = new LinkedHashMap<>();
        try (Stream<Path> all = Stream.of("mappings", "sources", "sources-rest", "targets", "matching", "samples")
                .flatMap(EditedFilesSchemasTest::walk)) {
            all.forEach(file -> kindOf(file).ifPresent(kind -> files.put(file, kind)));
        }
        return files;
    }

    private static Stream<Path> walk(String folder) {
        try {
            return Files.walk(Path.of(folder)).filter(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<JsonSchemas> kindOf(Path file) {
        return KINDS.entrySet().stream().filter(kind -> glob(kind.getKey()).matches(file)).map(Map.Entry::getValue)
                .findFirst();
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }

    /** The kind of file a block is, when it has the keys every file of that kind has. */
    private static Optional<JsonSchemas> wholeFileKind(JsonNode shown) {
        if (shown.has("externalId") && shown.has("fields")) {
            return Optional.of(JsonSchemas.MAPPING);
        }
        if (shown.has("legacyId") && (shown.has("file") || shown.has("rest"))) {
            return Optional.of(JsonSchemas.SOURCE);
        }
        if (shown.has("rules") && shown.has("blocking")) {
            return Optional.of(JsonSchemas.MATCH_RULES);
        }
        return shown.has("objects") ? Optional.of(JsonSchemas.TARGET) : Optional.empty();
    }

    /**
     * A part of a file completed into a whole one: its keys over the least file of its kind; a mapping page's block of
     * field rules ({@code Description: {...}}) is the fields of one.
     */
    private static JsonNode completed(JsonSchemas kind, ObjectNode part) throws IOException {
        ObjectNode file = (ObjectNode) YAML.readTree(SKELETONS.get(kind));
        boolean ofTopLevelKeys = true;
        for (String key : (Iterable<String>) part::fieldNames) {
            ofTopLevelKeys &= file.has(key) || topLevelKeys(kind).contains(key);
        }
        if (!ofTopLevelKeys && kind == JsonSchemas.MAPPING) {
            file.set("fields", part);
        } else {
            file.setAll(part);
        }
        return file;
    }

    private static List<String> topLevelKeys(JsonSchemas kind) throws IOException {
        List<String> keys = new ArrayList<>();
        new ObjectMapper().readTree(kind.file().toFile()).path("properties").fieldNames()
                .forEachRemaining(keys::add);
        return keys;
    }

    private static List<Path> docs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            return Stream.concat(files.filter(f -> f.toString().endsWith(".md")).sorted(), Stream.of(Path.of("README.md")))
                    .toList();
        }
    }
}
