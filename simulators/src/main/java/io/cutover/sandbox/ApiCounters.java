package io.cutover.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/** API calls the sandbox answered, per resource, so a rehearsal can show how many calls a migration costs. */
@ApplicationScoped
public class ApiCounters {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    public void count(String resource) {
        calls.computeIfAbsent(resource, key -> new LongAdder()).increment();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        calls.forEach((resource, count) -> snapshot.put(resource, count.sum()));
        return snapshot;
    }

    public void reset() {
        calls.clear();
    }
}
