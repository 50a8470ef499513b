package io.cutover.plan;

import io.cutover.mapping.FieldRule;
import io.cutover.mapping.MappingCatalog;
import io.cutover.mapping.ObjectMapping;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangeProperty;
import org.jboss.logging.Logger;

/**
 * Which objects a run migrates, and in which order: parents before children, as the mappings' parent references
 * say, unless {@code cutover.run.order} gives the order; {@code cutover.run.objects} selects some of them. A record's
 * reference to a record of its own object (an account's parent account) does not constrain the order, and a cycle is
 * broken: the references that point forward are set by the run's last pass.
 */
@Singleton
@Named("plan")
public class LoadPlan {

    private static final Logger LOG = Logger.getLogger(LoadPlan.class);

    private final MappingCatalog mappings;
    private final Optional<List<String>> order;
    private final Optional<List<String>> selected;

    LoadPlan(MappingCatalog mappings, RunConfig run) {
        this.mappings = mappings;
        this.order = run.order();
        this.selected = run.objects();
    }

    /**
     * The objects of the run in load order; each has its routes {@code read-<object>} and {@code load-<object>}. A sync cycle names the objects
     * due ({@code syncObjects}): those, in the same order.
     */
    public List<String> objects(CamelContext camel, @ExchangeProperty("syncObjects") List<String> syncObjects) {
        List<String> objects = order.map(this::checkedOrder).orElseGet(this::dependencyOrder);
        if (syncObjects != null) {
            return objects.stream().filter(syncObjects::contains).toList();
        }
        if (selected.isPresent()) {
            for (String object : selected.get()) {
                if (!objects.contains(object)) {
                    throw new PlanException("cutover.run.objects names " + object + ", which no mapping file in "
                            + "cutover.mapping.dir maps; the mapped objects are " + objects);
                }
            }
            objects = objects.stream().filter(selected.get()::contains).toList();
        }
        for (String object : objects) {
            for (String stage : List.of("read", "load")) {
                if (camel.getRoute(stage + "-" + object) == null) {
                    throw new PlanException(mappings.forObject(object).file() + " maps " + object + ", but there is no "
                            + "route " + stage + "-" + object + ": add a templatedRoute of " + stage + "-object for it to "
                            + "routes/migration.yaml");
                }
            }
        }
        return objects;
    }

    /** Parents before children; among objects that do not depend on each other, the order of the mapping files. */
    List<String> dependencyOrder() {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String object : mappings.objects()) {
            parents.put(object, parentsOf(mappings.forObject(object)));
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            Optional<String> free = parents.entrySet().stream()
                    .filter(entry -> !ordered.contains(entry.getKey()) && ordered.containsAll(entry.getValue()))
                    .map(Map.Entry::getKey).findFirst();
            if (free.isEmpty()) {
                // a cycle: its first object in the mapping files' order goes first, its references set at the run's end
                String first = parents.keySet().stream().filter(object -> !ordered.contains(object)).findFirst().orElseThrow();
                LOG.infof("The parent references of %s form a cycle: %s loads first, and its references to %s are set "
                        + "at the end of the run", parents.keySet().stream().filter(object -> !ordered.contains(object)).toList(),
                        first, parents.get(first).stream().filter(object -> !ordered.contains(object)).toList());
                free = Optional.of(first);
            }
            ordered.add(free.get());
        }
        return ordered;
    }

    private List<String> checkedOrder(List<String> objects) {
        List<String> missing = mappings.objects().stream().filter(object -> !objects.contains(object)).toList();
        List<String> unknown = objects.stream().filter(object -> mappings.find(object).isEmpty()).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new PlanException("cutover.run.order must name every mapped object once"
                    + (missing.isEmpty() ? "" : "; it leaves out " + missing)
                    + (unknown.isEmpty() ? "" : "; no mapping file maps " + unknown)
                    + " (select objects with cutover.run.objects)");
        }
        return objects;
    }

    private static Set<String> parentsOf(ObjectMapping mapping) {
        Set<String> parents = new LinkedHashSet<>();
        for (FieldRule rule : mapping.fields().values()) {
            if (rule instanceof FieldRule.Parent parent) {
                parent.objects().stream().filter(object -> !object.equals(mapping.object())).forEach(parents::add);
            }
        }
        return parents;
    }
}
