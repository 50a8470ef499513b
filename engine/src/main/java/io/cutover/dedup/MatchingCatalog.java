package io.cutover.dedup;

import io.cutover.config.ConfigurationProblems;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The match rules of the matching folder ({@code cutover.matching.dir}), read and checked once, when the application
 * starts: a broken file stops the start with one message naming the file, the key and the problem. An object without
 * a rules file is not looked at for duplicates; nor is any when the folder does not exist.
 */
@Singleton
public class MatchingCatalog {

    private final Map<String, MatchRules> byObject = new LinkedHashMap<>();

    MatchingCatalog(MatchingConfig matching) {
        Path matchingDir = matching.dir();
        if (!Files.isDirectory(matchingDir)) {
            return;
        }
        ConfigurationProblems problems = new ConfigurationProblems("the match rules");
        for (Path file : problems.yamlFilesIn(matchingDir, "cutover.matching.dir")) {
            MatchRules rules = new MatchRulesReader(file, problems).read();
            if (rules != null && byObject.putIfAbsent(rules.object(), rules) != null) {
                problems.add(file, "object: " + rules.object() + " already has match rules in another file");
            }
        }
        problems.throwIfAny();
    }

    public Optional<MatchRules> forObject(String object) {
        return Optional.ofNullable(byObject.get(object));
    }
}
