package io.cutover.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.cutover.schema.SObjectDescribe;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The remaining pages of queries, addressed like Salesforce's query locators ({@code 01g...-2000}). Salesforce keeps
 * a cursor for 15 minutes of inactivity; so does the sandbox.
 */
@ApplicationScoped
public class QueryCursors {

    static final Duration IDLE_LIFETIME = Duration.ofMinutes(15);
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();

    /** The matching record ids in answer order, and what to show of each. */
    record Cursor(SObjectDescribe object, List<FieldPath> fields, List<String> ids, Instant lastUse) {
        Cursor touched() {
            return new Cursor(object, fields, ids, Instant.now());
        }
    }

    String open(SObjectDescribe object, List<FieldPath> fields, List<String> ids) {
        dropExpired();
        StringBuilder locator = new StringBuilder("01g");
        for (int i = 0; i < 15; i++) {
            locator.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        String id = SalesforceIds.to18(locator.substring(0, 15)).substring(0, 18);
        cursors.put(id, new Cursor(object, fields, List.copyOf(ids), Instant.now()));
        return id;
    }

    Optional<Cursor> use(String id) {
        dropExpired();
        return Optional.ofNullable(cursors.computeIfPresent(id, (key, cursor) -> cursor.touched()));
    }

    void close(String id) {
        cursors.remove(id);
    }

    void clear() {
        cursors.clear();
    }

    private void dropExpired() {
        Instant oldest = Instant.now().minus(IDLE_LIFETIME);
        cursors.values().removeIf(cursor -> cursor.lastUse().isBefore(oldest));
    }
}
