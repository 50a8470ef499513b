package io.cutover.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Problems found in the files users edit, collected so that one start-up reports all of them at once. Quarkus prints
 * a {@link ConfigurationException} that stops the start as its message alone, without a stack trace.
 */
public final class ConfigurationProblems {

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
        String firstLine = e.getOriginalMessage().lines().findFirst().orElse("");
        problems.add(file + (where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr())
                + ": not valid YAML: " + firstLine);
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Cutover cannot start: " + what + " "
                    + (problems.size() == 1 ? "has a problem" : "have " + problems.size() + " problems") + ":\n  "
                    + String.join("\n  ", problems));
        }
    }
}
