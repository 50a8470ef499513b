package io.cutover.rollback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a rollback has done so far, carried by its exchange from step to step. */
final class RollbackProgress {

    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final List<RollbackReport.Failure> failures = new ArrayList<>();

    private static final int DELETED = 0;
    private static final int ALREADY_DELETED = 1;
    private static final int RESTORED = 2;
    private static final int FAILED = 3;

    void startObject(String object) {
        counts.computeIfAbsent(object, o -> new long[4]);
    }

    void deleted(String object) {
        add(object, DELETED);
    }

    void alreadyDeleted(String object) {
        add(object, ALREADY_DELETED);
    }

    void restored(String object) {
        add(object, RESTORED);
    }

    void failed(RollbackReport.Failure failure) {
        add(failure.object(), FAILED);
        failures.add(failure);
    }

    Map<String, RollbackReport.ObjectRollback> objects() {
        Map<String, RollbackReport.ObjectRollback> objects = new LinkedHashMap<>();
        counts.forEach((object, c) -> objects.put(object,
                new RollbackReport.ObjectRollback(c[DELETED], c[ALREADY_DELETED], c[RESTORED], c[FAILED])));
        return objects;
    }

    List<RollbackReport.Failure> failures() {
        return List.copyOf(failures);
    }

    private void add(String object, int what) {
        counts.computeIfAbsent(object, o -> new long[4])[what]++;
    }
}
