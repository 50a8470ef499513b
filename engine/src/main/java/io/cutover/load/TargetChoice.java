package io.cutover.load;

import io.cutover.config.ConfigurationProblems;
import io.cutover.http.Secrets;
import io.cutover.mapping.FieldRule;
import io.cutover.mapping.MappingCatalog;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The target the migration loads into ({@code cutover.target.kind}): Salesforce, or another CRM's REST API as its
 * description file ({@code cutover.target.description}) says. Checked at start-up, before any route is loaded.
 */
@Singleton
public class TargetChoice {

    public enum Kind {
        SALESFORCE("salesforce"), REST("rest");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        static Optional<Kind> of(String value) {
            return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
        }
    }

    private final String kind;
    private final Path descriptionFile;
    private final MappingCatalog mappings;
    private final Function<String, String> environment;
    private RestTargetDescription description;

    @Inject
    TargetChoice(TargetConfig target, MappingCatalog mappings) {
        this(target.kind(), target.description(), mappings, Secrets.processEnvironment());
    }

    /** With the environment the description's ${env:NAME} secrets are read from. */
    TargetChoice(String kind, Path descriptionFile, MappingCatalog mappings, Function<String, String> environment) {
        this.kind = kind;
        this.descriptionFile = descriptionFile;
        this.mappings = mappings;
        this.environment = environment;
    }

    public Kind kind() {
        // TargetConfig lets no other value through
        return Kind.of(kind).orElseThrow();
    }

    /** Stops the start with every problem of the chosen target's settings; a migration needs a target it can load. */
    public void check() {
        if (kind() == Kind.REST) {
            restTarget();
        }
    }

    /** The REST target's description, read and checked against the mapping files the first time it is needed. */
    public synchronized RestTargetDescription restTarget() {
        if (description == null) {
            ConfigurationProblems problems = new ConfigurationProblems("the REST target's settings");
            if (!Files.isRegularFile(descriptionFile)) {
                problems.add(descriptionFile.toAbsolutePath(), "the target description (cutover.target.description) "
                        + "does not exist");
                problems.throwIfAny();
            }
            Map<String, Path> mapped = new LinkedHashMap<>();
            mappings.objects().forEach(object -> mapped.put(object, mappings.forObject(object).file()));
            Optional<RestTargetDescription> read = RestTargetDescriptionReader.read(descriptionFile, environment, mapped, problems);
            mappings.objects().stream().map(mappings::forObject).forEach(mapping -> mapping.fields().forEach((field, rule) -> {
                if (rule instanceof FieldRule.Find) {
                    problems.add(mapping.file(), "fields." + field + ".find: find: queries Salesforce; a REST target "
                            + "(cutover.target.kind=rest) cannot be searched by it yet");
                }
            }));
            problems.throwIfAny();
            description = read.orElseThrow();
        }
        return description;
    }
}
