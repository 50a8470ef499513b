package io.cutover.mapping.transform;

import io.cutover.schema.FieldDescribe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The transforms of one field, applied in order. */
public record TransformChain(List<Transform> steps) {

    public static final TransformChain NONE = new TransformChain(List.of());

    public TransformChain {
        steps = List.copyOf(steps);
    }

    /** The value through every step; what a step reports (e.g. a cut) is dropped: for examples and previews. */
    public String apply(String value, Map<String, String> row) throws Rejection {
        return apply(value, row, warning -> { });
    }

    /** The value through every step, reporting each step's warnings to {@code warnings}. */
    public String apply(String value, Map<String, String> row, Consumer<TransformWarning> warnings) throws Rejection {
        String result = value;
        for (Transform step : steps) {
            result = step.apply(result, row, warnings);
        }
        return result;
    }

    public List<String> columnsRead() {
        return steps.stream().flatMap(step -> step.columnsRead().stream()).toList();
    }

    /** Why the chain cannot feed the target field, or null when it can. */
    public String problemWith(FieldDescribe target) {
        return steps.stream().map(step -> step.problemWith(target)).filter(problem -> problem != null).findFirst()
                .orElse(null);
    }

    /**
     * The values the chain gives when its last step is a value map (a legacy picklist onto the target's), checked at
     * start-up against the target field; empty when the chain ends otherwise.
     */
    public Set<String> valuesMappedTo() {
        return !steps.isEmpty() && steps.get(steps.size() - 1) instanceof ValueMap map ? map.valuesGiven() : Set.of();
    }

    public TransformChain boundTo(FieldDescribe target) {
        return new TransformChain(steps.stream().map(step -> step.boundTo(target)).toList());
    }

    /** The steps undone, last first: a target value back to the source value; empty when a step cannot be undone. */
    public Optional<UnaryOperator<String>> reverse() {
        UnaryOperator<String> undo = UnaryOperator.identity();
        for (Transform step : steps) {
            Optional<UnaryOperator<String>> reverse = step.reverse();
            if (reverse.isEmpty()) {
                return Optional.empty();
            }
            UnaryOperator<String> before = undo;
            undo = value -> before.apply(reverse.get().apply(value));
        }
        return Optional.of(undo);
    }
}
