package io.cutover.sandbox.crm;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The generic CRM's records, in memory. Like many CRMs, it keeps the legacy id in an ordinary field that it does not
 * keep unique: a client that creates a record twice gets two records, which is what the migration must never do.
 */
@Singleton
public class GenericCrmStore {

    /** The field that holds the id of the record in the system it was migrated from. */
    public static final String LEGACY_ID = "legacy_id";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A record after a write, or why the write was refused: one problem per field. */
    public record Write(Map<String, Object> record, boolean created, List<Map<String, String>> errors) {
    }

    private final Map<GenericCrmCollection, Map<String, Map<String, Object>>> records = new EnumMap<>(GenericCrmCollection.class);

    public GenericCrmStore() {
        reset();
    }

    public synchronized void reset() {
        for (GenericCrmCollection collection : GenericCrmCollection.values()) {
            records.put(collection, new LinkedHashMap<>());
        }
    }

    public synchronized Write create(GenericCrmCollection collection, Map<String, Object> fields) {
        List<Map<String, String>> errors = problems(collection, null, fields);
        if (!errors.isEmpty()) {
            return new Write(null, false, errors);
        }
        // ids longer than Salesforce's 18 characters, as many CRMs' are
        String id = UUID.randomUUID().toString();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.putAll(fields);
        records.get(collection).put(id, record);
        return new Write(copy(record), true, List.of());
    }

    /** Changes the fields given (null clears one); empty when the collection has no record with this id. */
    public synchronized Optional<Write> update(GenericCrmCollection collection, String id, Map<String, Object> fields) {
        Map<String, Object> record = records.get(collection).get(id);
        if (record == null) {
            return Optional.empty();
        }
        List<Map<String, String>> errors = problems(collection, id, fields);
        if (!errors.isEmpty()) {
            return Optional.of(new Write(null, false, errors));
        }
        record.putAll(fields);
        return Optional.of(new Write(copy(record), false, List.of()));
    }

    /** Updates the one record holding the legacy id, or creates it; several holding it is a conflict (an exception). */
    public synchronized Write upsert(GenericCrmCollection collection, String legacyId, Map<String, Object> fields) {
        List<Map<String, Object>> holding = withLegacyId(collection, legacyId);
        if (holding.size() > 1) {
            throw new IllegalStateException(holding.size() + " records hold " + LEGACY_ID + " " + legacyId);
        }
        Map<String, Object> withId = new LinkedHashMap<>(fields);
        withId.put(LEGACY_ID, legacyId);
        return holding.isEmpty() ? create(collection, withId)
                : update(collection, (String) holding.get(0).get("id"), withId).orElseThrow();
    }

    public synchronized List<Map<String, Object>> withLegacyId(GenericCrmCollection collection, String legacyId) {
        return records.get(collection).values().stream()
                .filter(record -> legacyId.equals(record.get(LEGACY_ID)))
                .map(GenericCrmStore::copy)
                .toList();
    }

    public synchronized List<Map<String, Object>> all(GenericCrmCollection collection) {
        return records.get(collection).values().stream().map(GenericCrmStore::copy).toList();
    }

    /** What the CRM refuses in a write of these fields to the record {@code id} (null: a new record). */
    private List<Map<String, String>> problems(GenericCrmCollection collection, String id, Map<String, Object> fields) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (fields.containsKey("id")) {
            errors.add(error("id", "is given by the CRM"));
        }
        String required = collection.requiredField();
        if ((id == null || fields.containsKey(required)) && blank(fields.get(required))) {
            errors.add(error(required, "is required"));
        }
        Object email = fields.get("Email");
        if (!blank(email) && !EMAIL.matcher(email.toString()).matches()) {
            errors.add(error("Email", "'" + email + "' is not an email address"));
        }
        // one contact per email address, as CRMs that deduplicate people keep it
        if (collection == GenericCrmCollection.CONTACTS && !blank(email)) {
            records.get(collection).values().stream()
                    .filter(other -> !other.get("id").equals(id) && email.toString().equalsIgnoreCase(String.valueOf(other.get("Email"))))
                    .findFirst()
                    .ifPresent(other -> errors.add(error("Email", "the contact " + other.get("id") + " has the email address "
                            + email + " already")));
        }
        Object account = fields.get("AccountId");
        if (collection == GenericCrmCollection.CONTACTS && !blank(account)
                && !records.get(GenericCrmCollection.ACCOUNTS).containsKey(account.toString())) {
            errors.add(error("AccountId", "no account has the id '" + account + "'"));
        }
        return errors;
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static Map<String, Object> copy(Map<String, Object> record) {
        return new LinkedHashMap<>(record);
    }
}
