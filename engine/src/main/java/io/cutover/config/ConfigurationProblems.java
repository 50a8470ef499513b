package io.cutover.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Problems found in the files users edit, collected so that one start-up reports all of them at once. Quarkus prints
 * a {@link ConfigurationException} that stops the start as its message alone, without a stack trace.
 */
public final class ConfigurationProblems {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final String what;
    private final List<String> problems = new ArrayList<>();

    public ConfigurationProblems(String what) {
        this.what = what;
    }

    public void add(Path file, String problem) {
        problems.add(file + ": " + problem);
    }

    public void addYamlSyntax(Path file, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        // The parser's message quotes the offending lines; its reason lines are the ones not indented.
        String reason = e.getOriginalMessage().lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
        problems.add(file + (where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr())
                + ": not valid YAML: " + reason);
    }

    /**
     * A YAML file users edit, read as a mapping of keys; null when it cannot be used, with the reason added to the
     * problems.
     */
    public JsonNode readYamlObject(Path file, List<String> expectedKeys) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            addYamlSyntax(file, e);
            return null;
        } catch (IOException e) {
            add(file, "cannot be read: " + e.getMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            add(file, "expected the keys " + expectedKeys + ", found none");
            return null;
        }
        return root;
    }

    /** The YAML files of a folder users edit; a missing folder is a problem. */
    public List<Path> yamlFilesIn(Path dir, String configKey) {
        if (!Files.isDirectory(dir)) {
            add(dir.toAbsolutePath(), "the folder (" + configKey + ") does not exist");
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            add(dir, "cannot list the folder: " + e.getMessage());
            return List.of();
        }
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Cutover cannot start: " + what + " "
                    + "have " + (problems.size() == 1 ? "a problem" : problems.size() + " problems") + ":\n  "
                    + String.join("\n  ", problems));
        }
    }
}
