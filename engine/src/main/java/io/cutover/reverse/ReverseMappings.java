package io.cutover.reverse;

import io.cutover.mapping.FieldRule;
import io.cutover.mapping.MappingCatalog;
import io.cutover.mapping.ObjectMapping;
import io.cutover.mapping.ReverseRule;
import io.cutover.source.RestSource;
import io.cutover.source.SourceCatalog;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The forward mappings read backwards, for the reverse sync. A field goes back when its mapping can be undone: one
 * column through transforms that each can (a rename, trim, E.164, a value map with no two values onto one), or a
 * parent reference; a mapping file's {@code reverse:} says what to do with the others. Constants never go back.
 */
@Singleton
public class ReverseMappings {

    private static final Logger LOG = Logger.getLogger(ReverseMappings.class);

    private final MappingCatalog mappings;
    private final SourceCatalog sources;
    private final ReverseSettings settings;
    private final Map<String, ReverseMapping> byObject = new LinkedHashMap<>();

    private final String targetKind;

    ReverseMappings(MappingCatalog mappings, SourceCatalog sources, ReverseSettings settings,
            @ConfigProperty(name = "cutover.target.kind") String targetKind) {
        this.mappings = mappings;
        this.sources = sources;
        this.settings = settings;
        this.targetKind = targetKind;
    }

    /**
     * At start-up, when the reverse sync is on: every object it writes back has a mapping and a REST source with
     * {@code writeBack} calls; the fields that cannot be written back are listed.
     */
    public void check() {
        if (!settings.enabled()) {
            return;
        }
        if (!"salesforce".equals(targetKind)) {
            throw new ConfigurationException("Cutover cannot start: cutover.reverse-sync.enabled is true, but the reverse "
                    + "sync captures the changes of a Salesforce target, and cutover.target.kind is " + targetKind);
        }
        for (String object : settings.objects()) {
            if (mappings.find(object).isEmpty()) {
                throw new ConfigurationException("Cutover cannot start: cutover.reverse-sync.objects names " + object
                        + ", which has no mapping file");
            }
            List<RestSource> rest = sources.restSources(object);
            if (rest.isEmpty() || rest.stream().anyMatch(source -> source.writeBack().isEmpty())) {
                throw new ConfigurationException("Cutover cannot start: cutover.reverse-sync.objects names " + object
                        + ", whose source description " + (rest.isEmpty() ? "" : rest.stream()
                                .filter(source -> source.writeBack().isEmpty()).findFirst().orElseThrow().description()
                                + " ") + "has no rest.writeBack calls (docs/cutover.md): the reverse sync could not write "
                        + "its changes to the legacy CRM");
            }
            List<RestSource> creating = rest.stream()
                    .filter(source -> source.writeBack().flatMap(RestSource.WriteBack::create).isPresent()).toList();
            if (creating.size() != 1) {
                throw new ConfigurationException("Cutover cannot start: cutover.reverse-sync.objects names " + object
                        + ", and " + (creating.isEmpty() ? "none" : "several") + " of its REST sources' rest.writeBack "
                        + "have create " + creating.stream().map(RestSource::description).toList() + ": a record "
                        + "created in the target is created in the legacy CRM of the one source whose writeBack has "
                        + "create: POST <url>");
            }
            ReverseMapping mapping = forObject(object);
            if (!mapping.notWrittenBack().isEmpty()) {
                LOG.warnf("The reverse sync does not write these %s fields back to the legacy CRM (add reverse: rules to "
                        + "%s to write them, or 'ignore' to silence this): %s", object,
                        mappings.forObject(object).file(), mapping.notWrittenBack());
            }
        }
    }

    public synchronized ReverseMapping forObject(String object) {
        return byObject.computeIfAbsent(object, this::reversed);
    }

    private ReverseMapping reversed(String object) {
        return of(mappings.forObject(object));
    }

    /** A mapping read backwards. */
    public static ReverseMapping of(ObjectMapping mapping) {
        String object = mapping.object();
        Map<String, ReverseMapping.FieldBack> fields = new LinkedHashMap<>();
        Map<String, ReverseMapping.ParentBack> parents = new LinkedHashMap<>();
        Map<String, String> notWrittenBack = new LinkedHashMap<>();
        mapping.fields().forEach((field, rule) -> {
            ReverseRule explicit = mapping.reverse().get(field);
            if (explicit instanceof ReverseRule.Ignore) {
                return;
            }
            if (explicit instanceof ReverseRule.WriteBack back) {
                fields.put(field, new ReverseMapping.FieldBack(back.column(), back::legacyValue));
                return;
            }
            if (rule instanceof FieldRule.Parent parent && parent.polymorphic()) {
                notWrittenBack.put(field, "a reference to one of " + parent.objects());
            } else if (rule instanceof FieldRule.Parent parent) {
                parents.put(field, new ReverseMapping.ParentBack(parent.objects().get(0), parent.column()));
            } else if (rule instanceof FieldRule.Column column && column.columns().size() == 1) {
                Optional<UnaryOperator<String>> undo = column.transforms().reverse();
                if (undo.isPresent()) {
                    fields.put(field, new ReverseMapping.FieldBack(column.columns().get(0), undo.get()));
                } else {
                    notWrittenBack.put(field, "a transform of column " + column.columns().get(0) + " cannot be undone");
                }
            } else if (rule instanceof FieldRule.Column column) {
                notWrittenBack.put(field, "made of several columns " + column.columns());
            } else if (rule instanceof FieldRule.Expression) {
                notWrittenBack.put(field, "computed by an expression");
            } else if (rule instanceof FieldRule.Find find) {
                notWrittenBack.put(field, "found in the target by " + find.object() + "." + find.by());
            }
        });
        mapping.reverse().forEach((field, rule) -> {
            if (rule instanceof ReverseRule.WriteBack back && !mapping.fields().containsKey(field)) {
                fields.put(field, new ReverseMapping.FieldBack(back.column(), back::legacyValue));
            }
        });
        return new ReverseMapping(object, mapping.externalIdField(), fields, parents, notWrittenBack);
    }
}
