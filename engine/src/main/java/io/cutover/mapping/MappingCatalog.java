package io.cutover.mapping;

import io.cutover.config.ConfigurationProblems;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;
import io.cutover.source.ExportDescription;
import io.cutover.source.SourceCatalog;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every mapping file of the mapping folder, read and checked once, when the application starts: a broken file
 * stops the start with one message that names the file, the key and the problem.
 */
@Singleton
public class MappingCatalog {

    private static final Logger LOG = Logger.getLogger(MappingCatalog.class);
    private static final Set<String> PICKLISTS = Set.of("picklist", "multipicklist");
    /** The fields a find can compare a value with: their SOQL literals are quoted text. */
    private static final Set<String> FINDABLE_TYPES = Set.of("string", "email", "phone", "url", "picklist", "combobox");

    private final Map<String, ObjectMapping> byObject = new LinkedHashMap<>();
    private final Map<String, Preflight> preflights = new LinkedHashMap<>();
    private final Map<String, Preflight> foundPreflights = new LinkedHashMap<>();

    @Inject
    MappingCatalog(MappingFolder folder, SourceCatalog sources, TargetSchema target, CamelContext camel,
            @ConfigProperty(name = "cutover.target.kind", defaultValue = "salesforce") String targetKind) {
        this(folder.dir(), sources, target, camel, targetKind);
    }

    MappingCatalog(Path mappingDir, SourceCatalog sources, TargetSchema target, CamelContext camel, String targetKind) {
        ConfigurationProblems problems = new ConfigurationProblems("the mapping files");
        for (Path file : problems.yamlFilesIn(mappingDir, "cutover.mapping.dir")) {
            ObjectMapping mapping = new MappingFileReader(file, problems, camel).read();
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
        boolean salesforceIds = "salesforce".equals(targetKind);
        byObject.values().forEach(mapping -> checkValuesGivenInTheMapping(mapping, target, salesforceIds, problems));
        byObject.values().forEach(mapping -> checkParents(mapping, problems));
        problems.throwIfAny();
        byObject.replaceAll((object, mapping) -> boundToTarget(mapping, target));
        byObject.forEach((object, mapping) -> {
            SObjectDescribe describe = target.find(object).orElseThrow();
            preflights.put(object, new Preflight(describe, Stream.concat(Stream.of(mapping.externalIdField()),
                    fieldsWhere(mapping, rule -> !(rule instanceof FieldRule.Find) && !(rule instanceof FieldRule.Parent)))
                    .toList(), target, salesforceIds));
            foundPreflights.put(object, new Preflight(describe,
                    fieldsWhere(mapping, rule -> rule instanceof FieldRule.Find || rule instanceof FieldRule.Parent)
                            .toList(), target, salesforceIds));
        });
    }

    private static Stream<String> fieldsWhere(ObjectMapping mapping, Predicate<FieldRule> test) {
        return mapping.fields().entrySet().stream().filter(field -> test.test(field.getValue())).map(Map.Entry::getKey);
    }

    /**
     * The checks the target would make on a record of the object, to make before any API call; the fields the enricher
     * fills from the target or the ledger (finds, parents) are left to {@link #checkFound}.
     */
    Preflight preflight(String object) {
        forObject(object);
        return preflights.get(object);
    }

    /**
     * The target's checks of the fields the enricher found or set (finds, parents; or left empty), or null when the
     * target should accept them.
     */
    public Preflight.Violation checkFound(String object, Map<String, Object> values) {
        forObject(object);
        return foundPreflights.get(object).check(values);
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
        // every export of the object must give each column: a record of any of them goes through the same rules
        Map<ExportDescription, List<String>> exports = sources.columnsByExport(mapping.object());
        // the columns each part of the mapping reads, by the key a problem names
        Map<String, List<String>> columnsRead = new LinkedHashMap<>();
        mapping.fields().forEach((field, rule) -> columnsRead.put("fields." + field, rule.sourceColumns()));
        for (int i = 0; i < mapping.skip().size(); i++) {
            columnsRead.put("skip[" + i + "].when", mapping.skip().get(i).columnsRead());
        }
        mapping.cutoff().ifPresent(cutoff -> columnsRead.put("cutoff.column", List.of(cutoff.column())));
        boolean several = exports.size() > 1;
        exports.forEach((export, columns) -> columnsRead.forEach((key, read) -> read.stream()
                .filter(column -> !columns.contains(column))
                .forEach(column -> problems.add(mapping.file(), key + ": column '" + column + "' is not in "
                        + export.file() + (several ? " (" + export.description() + ")" : "") + " (columns: " + columns
                        + ")"))));
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
            } else if (rule instanceof FieldRule.Parent parent
                    && !targetField.get().referenceTo().containsAll(parent.objects())) {
                problems.add(mapping.file(), "fields." + field + ": " + mapping.object() + "." + field
                        + " does not reference " + parent.objects().stream()
                                .filter(object -> !targetField.get().referenceTo().contains(object)).toList()
                        + " (it references " + targetField.get().referenceTo() + ")");
            } else if (rule instanceof FieldRule.Computed computed && computed.transforms().problemWith(targetField.get()) != null) {
                problems.add(mapping.file(), "fields." + field + ".transforms: "
                        + computed.transforms().problemWith(targetField.get()));
            } else if (rule instanceof FieldRule.Find find) {
                checkFind(mapping, field, targetField.get(), find, target, problems);
            }
        });
        describe.get().fields().values().stream()
                .filter(FieldDescribe::requiredOnCreate)
                .filter(required -> !isMapped(mapping, required.name()))
                .forEach(required -> problems.add(mapping.file(), "fields: " + mapping.object() + "." + required.name()
                        + " is required by the target and not mapped, so every record would be refused"));
    }

    /** The object and field a find queries, and the field it fills, which must reference that object. */
    private static void checkFind(ObjectMapping mapping, String field, FieldDescribe targetField, FieldRule.Find find,
            TargetSchema target, ConfigurationProblems problems) {
        String key = "fields." + field + ".find";
        if (!targetField.referenceTo().stream().anyMatch(find.object()::equalsIgnoreCase)) {
            problems.add(mapping.file(), key + ".object: " + mapping.object() + "." + field + " does not reference "
                    + find.object() + " (it references " + targetField.referenceTo() + ")");
            return;
        }
        Optional<SObjectDescribe> found = target.find(find.object());
        if (found.isEmpty()) {
            problems.add(mapping.file(), key + ".object: the target's schema has no describe of " + find.object()
                    + " (export it with the target's other describes)");
            return;
        }
        Optional<FieldDescribe> by = found.get().field(find.by());
        if (by.isEmpty()) {
            problems.add(mapping.file(), key + ".by: " + find.object() + " has no field " + find.by());
        } else if (!FINDABLE_TYPES.contains(by.get().type())) {
            problems.add(mapping.file(), key + ".by: " + find.object() + "." + find.by() + " is a " + by.get().type()
                    + " field; a find compares text fields (e.g. Email, Username, FederationIdentifier)");
        } else if (find.key().transforms().problemWith(by.get()) != null) {
            problems.add(mapping.file(), "fields." + field + ".transforms: " + find.key().transforms().problemWith(by.get()));
        }
    }

    /**
     * A constant, or a find's default id, that the target would refuse would reject every record: it stops the start
     * instead (e.g. a user id where an account id belongs).
     */
    private static void checkValuesGivenInTheMapping(ObjectMapping mapping, TargetSchema target, boolean salesforceIds,
            ConfigurationProblems problems) {
        Optional<SObjectDescribe> describe = target.find(mapping.object());
        if (describe.isEmpty()) {
            return;
        }
        mapping.fields().forEach((field, rule) -> {
            String given = rule instanceof FieldRule.Constant constant ? constant.value()
                    : rule instanceof FieldRule.Find find ? find.defaultId() : null;
            if (given == null || describe.get().field(field).isEmpty()) {
                return;
            }
            Preflight.Violation violation = new Preflight(describe.get(), List.of(field), target, salesforceIds)
                    .check(Map.of(field, given));
            if (violation != null) {
                problems.add(mapping.file(), "fields." + field + (rule instanceof FieldRule.Find ? ".find.default" : ".constant")
                        + ": '" + given + "' would be refused by the target (" + violation.reasonCode() + "): "
                        + violation.problem());
            }
        });
        mapping.fields().forEach((field, rule) -> {
            if (rule instanceof FieldRule.Computed computed && describe.get().field(field).isPresent()) {
                checkValuesMappedTo(mapping, field, computed.transforms().valuesMappedTo(), describe.get(), target,
                        salesforceIds, problems);
            }
        });
    }

    /**
     * A value map's target values must be values the target field takes: one a restricted picklist lacks would reject
     * every record that has it, so it stops the start; one an unrestricted picklist lacks would become a new value of
     * the org's picklist (a typo, usually), which the start warns about.
     */
    private static void checkValuesMappedTo(ObjectMapping mapping, String field, Set<String> values, SObjectDescribe describe,
            TargetSchema target, boolean salesforceIds, ConfigurationProblems problems) {
        FieldDescribe targetField = describe.field(field).orElseThrow();
        Preflight preflight = new Preflight(describe, List.of(field), target, salesforceIds);
        List<String> unlisted = new ArrayList<>();
        for (String value : values) {
            Preflight.Violation violation = preflight.check(Map.of(field, value));
            if (violation != null) {
                problems.add(mapping.file(), "fields." + field + ".transforms: the value map gives '" + value
                        + "', which the target would refuse (" + violation.reasonCode() + "): " + violation.problem()
                        + (targetField.picklistValues().isEmpty() ? "" : "; its values: " + targetField.picklistValues()));
            } else if (PICKLISTS.contains(targetField.type()) && !targetField.picklistValues().isEmpty()
                    && !Arrays.stream(value.split(";")).allMatch(targetField.picklistValues()::contains)) {
                unlisted.add(value);
            }
        }
        if (!unlisted.isEmpty()) {
            LOG.warnf("%s: fields.%s.transforms: the value map gives %s, which %s.%s's picklist does not list (its values:"
                    + " %s); the target takes it as a value of its own", mapping.file(), field, unlisted, describe.name(),
                    field, targetField.picklistValues());
        }
    }

    private static boolean isMapped(ObjectMapping mapping, String field) {
        return field.equalsIgnoreCase(mapping.externalIdField())
                || mapping.fields().keySet().stream().anyMatch(field::equalsIgnoreCase);
    }

    private static ObjectMapping boundToTarget(ObjectMapping mapping, TargetSchema target) {
        SObjectDescribe describe = target.find(mapping.object()).orElseThrow();
        Map<String, FieldRule> bound = new LinkedHashMap<>();
        mapping.fields().forEach((field, rule) -> {
            if (rule instanceof FieldRule.Computed computed) {
                bound.put(field, computed.boundTo(describe.field(field).orElseThrow()));
            } else if (rule instanceof FieldRule.Find find) {
                bound.put(field, find.boundTo(target.find(find.object()).orElseThrow().field(find.by()).orElseThrow()));
            } else {
                bound.put(field, rule);
            }
        });
        return new ObjectMapping(mapping.file(), mapping.object(), mapping.externalIdField(), bound, mapping.reverse(),
                mapping.skip(), mapping.cutoff());
    }

    private void checkParents(ObjectMapping mapping, ConfigurationProblems problems) {
        mapping.fields().forEach((field, rule) -> {
            if (rule instanceof FieldRule.Parent parent) {
                parent.objects().stream().filter(object -> !byObject.containsKey(object)).forEach(object -> problems.add(
                        mapping.file(), "fields." + field + ": parent object " + object
                                + " has no mapping file, so its records cannot be in the ledger"));
            }
        });
    }
}
