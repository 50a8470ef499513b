package io.cutover.mapping.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cutover.config.ConfigurationProblems;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reference tables for lookups, read once at start-up, relative to the mapping file's folder: a CSV file with a header
 * (key and value columns named in the mapping), or a YAML file of key: value entries.
 */
final class ReferenceTables {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path mappingFile;
    private final ConfigurationProblems problems;

    ReferenceTables(Path mappingFile, ConfigurationProblems problems) {
        this.mappingFile = mappingFile;
        this.problems = problems;
    }

    /** The table's entries, or null when it cannot be read (the reason is in the problem list). */
    Map<String, String> read(String key, String table, String keyColumn, String valueColumn) {
        Path parent = mappingFile.toAbsolutePath().getParent();
        Path path = parent.resolve(table);
        if (!Files.isRegularFile(path)) {
            problems.add(mappingFile, key + ": table: " + path + " does not exist");
            return null;
        }
        try {
            return table.endsWith(".csv") ? csv(key, path, keyColumn, valueColumn) : yaml(key, path);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(mappingFile, key + ": table: " + path + " cannot be read: " + e.getMessage());
            return null;
        }
    }

    private Map<String, String> csv(String key, Path path, String keyColumn, String valueColumn) throws IOException {
        if (keyColumn.isEmpty() || valueColumn.isEmpty()) {
            problems.add(mappingFile, key + ": a CSV table needs the settings 'key' and 'value' (its column names)");
            return null;
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8); CSVParser parser = format.parse(reader)) {
            if (!parser.getHeaderMap().containsKey(keyColumn) || !parser.getHeaderMap().containsKey(valueColumn)) {
                problems.add(mappingFile, key + ": table " + path + " has no column '"
                        + (parser.getHeaderMap().containsKey(keyColumn) ? valueColumn : keyColumn) + "' (columns: "
                        + parser.getHeaderNames() + ")");
                return null;
            }
            Map<String, String> entries = new HashMap<>();
            for (CSVRecord record : parser) {
                entries.put(record.get(keyColumn), record.get(valueColumn));
            }
            return entries;
        }
    }

    private Map<String, String> yaml(String key, Path path) throws IOException {
        JsonNode root = YAML.readTree(path.toFile());
        if (root == null || !root.isObject()) {
            problems.add(mappingFile, key + ": table " + path + " must hold key: value entries");
            return null;
        }
        Map<String, String> entries = TransformParser.texts(root);
        if (entries.containsValue(null)) {
            problems.add(mappingFile, key + ": table " + path + " has keys without a value");
            return null;
        }
        return entries;
    }
}
