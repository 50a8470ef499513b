package io.cutover.mapping;

import io.cutover.config.ConfigurationProblems;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;
import io.cutover.source.SourceCatalog;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every mapping file of the mapping folder, read and checked once, when the application starts: a broken file
 * stops the start with one message that names the file, the key and the problem.
 */
@Singleton
public class MappingCatalog {

    private final Map<String, ObjectMapping> byObject = new LinkedHashMap<>();
    private final Map<String, Preflight> preflights = new LinkedHashMap<>();

    MappingCatalog(@ConfigProperty(name = "cutover.mapping.dir") Path mappingDir, SourceCatalog sources, TargetSchema target,
            @ConfigProperty(name = "cutover.target.kind", defaultValue = "salesforce") String targetKind) {
        ConfigurationProblems problems = new ConfigurationProblems("the mapping files");
        for (Path file : problems.yamlFilesIn(mappingDir, "cutover.mapping.dir")) {
            ObjectMapping mapping = new MappingFileReader(file, problems).read();
            if (mapping == null) {
                continue;
            }
            ObjectMapping other = byObject.putIfAbsent(mapping.object(), mapping);
            if (other != null) {
                problems.add(file, "object: " + mapping.object() + " is already mapped by " + other.file());
            }
        }
        byObject.values().forEach(mapping -> checkSource(mapping, sources, problems));
        byObject.values().forEach(mapping -> checkTarget(mapping, target, problems));
        byObject.values().forEach(mapping -> checkParents(mapping, problems));
        problems.throwIfAny();
        byObject.replaceAll((object, mapping) -> boundToTarget(mapping, target.find(object).orElseThrow()));
        byObject.forEach((object, mapping) -> preflights.put(object, new Preflight(target.find(object).orElseThrow(),
                Stream.concat(Stream.of(mapping.externalIdField()), mapping.fields().keySet().stream()).toList(),
                "salesforce".equals(targetKind))));
    }

    /** The checks the target would make on a record of the object, to make before any API call. */
    Preflight preflight(String object) {
        forObject(object);
        return preflights.get(object);
    }

    /** The object's mapping, if the mapping folder has one. */
    public Optional<ObjectMapping> find(String object) {
        return Optional.ofNullable(byObject.get(object));
    }

    /** The mapped objects, in the order their files were read. */
    public List<String> objects() {
        return List.copyOf(byObject.keySet());
    }

    public ObjectMapping forObject(String object) {
        ObjectMapping mapping = byObject.get(object);
        if (mapping == null) {
            throw new IllegalArgumentException("No mapping file maps " + object + "; mapped objects: " + byObject.keySet());
        }
        return mapping;
    }

    private static void checkSource(ObjectMapping mapping, SourceCatalog sources, ConfigurationProblems problems) {
        if (!sources.describes(mapping.object())) {
            problems.add(mapping.file(), "object: no source description (cutover.sources.dir) describes the export of "
                    + mapping.object());
            return;
        }
        List<String> header = sources.header(mapping.object());
        if (header == null) {
            return;
        }
        Path export = sources.forObject(mapping.object()).file();
        mapping.fields().forEach((field, rule) -> rule.sourceColumns().stream()
                .filter(column -> !header.contains(column))
                .forEach(column -> problems.add(mapping.file(), "fields." + field + ": column '" + column
                        + "' is not in " + export + " (columns: " + header + ")")));
    }

    private static void checkTarget(ObjectMapping mapping, TargetSchema target, ConfigurationProblems problems) {
        Optional<SObjectDescribe> describe = target.find(mapping.object());
        if (describe.isEmpty()) {
            problems.add(mapping.file(), "object: the target has no object " + mapping.object());
            return;
        }
        Optional<FieldDescribe> externalId = describe.get().field(mapping.externalIdField());
        if (externalId.isEmpty() || !externalId.get().externalId()) {
            problems.add(mapping.file(), "externalId: " + mapping.externalIdField() + " is not an external id field of "
                    + mapping.object());
        }
        mapping.fields().forEach((field, rule) -> {
            Optional<FieldDescribe> targetField = describe.get().field(field);
            if (targetField.isEmpty()) {
                problems.add(mapping.file(), "fields." + field + ": " + mapping.object() + " has no field " + field);
            } else if (!targetField.get().createable() && !targetField.get().updateable()) {
                problems.add(mapping.file(), "fields." + field + ": " + mapping.object() + "." + field + " is read-only");
            } else if (rule instanceof FieldRule.Parent parent && !targetField.get().referenceTo().contains(parent.object())) {
                problems.add(mapping.file(), "fields." + field + ": " + mapping.object() + "." + field
                        + " does not reference " + parent.object() + " (it references " + targetField.get().referenceTo() + ")");
            } else if (rule instanceof FieldRule.Column column && column.transforms().problemWith(targetField.get()) != null) {
                problems.add(mapping.file(), "fields." + field + ".transforms: "
                        + column.transforms().problemWith(targetField.get()));
            }
        });
        describe.get().fields().values().stream()
                .filter(FieldDescribe::requiredOnCreate)
                .filter(required -> !isMapped(mapping, required.name()))
                .forEach(required -> problems.add(mapping.file(), "fields: " + mapping.object() + "." + required.name()
                        + " is required by the target and not mapped, so every record would be refused"));
    }

    private static boolean isMapped(ObjectMapping mapping, String field) {
        return field.equalsIgnoreCase(mapping.externalIdField())
                || mapping.fields().keySet().stream().anyMatch(field::equalsIgnoreCase);
    }

    private static ObjectMapping boundToTarget(ObjectMapping mapping, SObjectDescribe describe) {
        Map<String, FieldRule> bound = new LinkedHashMap<>();
        mapping.fields().forEach((field, rule) -> bound.put(field, rule instanceof FieldRule.Column column
                ? column.boundTo(describe.field(field).orElseThrow()) : rule));
        return new ObjectMapping(mapping.file(), mapping.object(), mapping.externalIdField(), bound);
    }

    private void checkParents(ObjectMapping mapping, ConfigurationProblems problems) {
        mapping.fields().forEach((field, rule) -> {
            if (rule instanceof FieldRule.Parent parent && !byObject.containsKey(parent.object())) {
                problems.add(mapping.file(), "fields." + field + ": parent object " + parent.object()
                        + " has no mapping file, so its records cannot be in the ledger");
            }
        });
    }
}
