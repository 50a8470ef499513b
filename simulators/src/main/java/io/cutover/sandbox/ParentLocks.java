package io.cutover.sandbox;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Parent records that in-flight calls are saving children of. Salesforce locks a parent while it saves a child, so
 * two calls that save children of one parent at the same time make one of them fail with UNABLE_TO_LOCK_ROW.
 */
@ApplicationScoped
public class ParentLocks {

    private final Map<String, Object> holders = new ConcurrentHashMap<>();

    /**
     * Takes the parents for {@code owner}; returns the ones another owner holds, which {@code owner} did not get.
     */
    public Set<String> lock(Object owner, Collection<String> parents) {
        Set<String> held = new LinkedHashSet<>();
        for (String parent : parents) {
            Object holder = holders.putIfAbsent(parent, owner);
            if (holder != null && holder != owner) {
                held.add(parent);
            }
        }
        return held;
    }

    public void release(Object owner) {
        holders.values().removeIf(holder -> holder == owner);
    }
}
