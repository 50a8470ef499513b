package io.cutover.mapping.transform;

import io.cutover.schema.FieldDescribe;
import java.util.List;
import java.util.Map;

/** The transforms of one field, applied in order. */
public record TransformChain(List<Transform> steps) {

    public static final TransformChain NONE = new TransformChain(List.of());

    public TransformChain {
        steps = List.copyOf(steps);
    }

    public String apply(String value, Map<String, String> row) throws Rejection {
        String result = value;
        for (Transform step : steps) {
            result = step.apply(result, row);
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

    public TransformChain boundTo(FieldDescribe target) {
        return new TransformChain(steps.stream().map(step -> step.boundTo(target)).toList());
    }
}
