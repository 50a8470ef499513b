package io.cutover.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cutover.schema.FieldDescribe;

/**
 * Record storage operations on one connection. Records are stored generically: one row per record with its fields as
 * JSON, plus one indexed {@code record_key} row per external-id or unique field value, for upsert look-ups.
 */
public class OrgTransaction {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final String origin;
    private final String transactionKey = java.util.UUID.randomUUID().toString();
    private int sequence;
    private boolean rollbackOnly;

    /** @param origin where the writes come from, for their change events ({@link CallOrigin}) */
    OrgTransaction(Connection connection, String origin) {
        this.connection = connection;
        this.origin = origin;
    }

    /** Whether this transaction wrote change events, which the long polls wait for. */
    boolean wroteEvents() {
        return sequence > 0;
    }

    public void setRollbackOnly() {
        rollbackOnly = true;
    }

    boolean isRollbackOnly() {
        return rollbackOnly;
    }

    public long nextRecordNumber() throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("SELECT NEXT VALUE FOR record_number");
                ResultSet rows = sql.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public Optional<StoredRecord> find(String id) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT id, object_name, fields FROM sobject_record WHERE id = ?")) {
            sql.setString(1, id);
            try (ResultSet rows = sql.executeQuery()) {
                return rows.next() ? Optional.of(toRecord(rows)) : Optional.empty();
            }
        }
    }

    /** Ids of the records of {@code objectName} whose {@code fieldName} has the given normalised value. */
    public List<String> idsByKey(String objectName, String fieldName, String valueKey) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("SELECT record_id FROM record_key"
                + " WHERE object_name = ? AND field_name = ? AND value_key = ? ORDER BY record_id")) {
            sql.setString(1, objectName);
            sql.setString(2, fieldName);
            sql.setString(3, valueKey);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /**
     * Ids of the records of {@code objectName} whose {@code field} has the given normalised value: from the key table
     * for an indexed field; for an idLookup field by reading the object's records, as upserts by one (Contact.Email)
     * are rare and indexing every e-mail would slow every write.
     */
    public List<String> idsMatching(String objectName, FieldDescribe field, String valueKey) throws SQLException {
        if (RecordKeys.isIndexed(field)) {
            return idsByKey(objectName, field.name(), valueKey);
        }
        List<String> ids = new ArrayList<>();
        for (StoredRecord record : all(objectName)) {
            JsonNode value = record.fields().get(field.name());
            if (value != null && !value.isNull() && RecordKeys.keyOf(value).equals(valueKey)) {
                ids.add(record.id());
            }
        }
        return ids;
    }

    public long count(String objectName) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT COUNT(*) FROM sobject_record WHERE object_name = ?")) {
            sql.setString(1, objectName);
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Every record of the object, in id order, which is creation order. */
    public List<StoredRecord> all(String objectName) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT id, object_name, fields FROM sobject_record WHERE object_name = ? ORDER BY id")) {
            sql.setString(1, objectName);
            return toRecords(sql);
        }
    }

    /** The object's records in the recycle bin, in id order. */
    public List<StoredRecord> allDeleted(String objectName) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT id, object_name, fields FROM deleted_record WHERE object_name = ? ORDER BY id")) {
            sql.setString(1, objectName);
            return toRecords(sql);
        }
    }

    /** The records with these ids, in the order of {@code ids}; ids without a record are left out. */
    public List<StoredRecord> byIds(Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT id, object_name, fields FROM sobject_record WHERE id = ANY(?)"
                        + " UNION ALL SELECT id, object_name, fields FROM deleted_record WHERE fields IS NOT NULL AND id = ANY(?)")) {
            sql.setArray(1, connection.createArrayOf("CHAR", ids.toArray()));
            sql.setArray(2, connection.createArrayOf("CHAR", ids.toArray()));
            Map<String, StoredRecord> byId = new LinkedHashMap<>();
            toRecords(sql).forEach(record -> byId.put(record.id(), record));
            List<StoredRecord> ordered = new ArrayList<>();
            for (String id : ids) {
                StoredRecord record = byId.get(id);
                if (record != null) {
                    ordered.add(record);
                }
            }
            return ordered;
        }
    }

    public void insert(StoredRecord record, Map<String, String> keys) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(
                "INSERT INTO sobject_record (id, object_name, fields) VALUES (?, ?, ?)")) {
            sql.setString(1, record.id());
            sql.setString(2, record.objectName());
            sql.setString(3, toJson(record.fields()));
            sql.executeUpdate();
        }
        insertKeys(record, keys);
        ObjectNode values = record.fields().deepCopy();
        values.remove("Id");
        changeEvent(record.objectName(), record.id(), "CREATE", values, List.of(), List.of());
    }

    public void update(StoredRecord record, Map<String, String> keys) throws SQLException {
        Optional<StoredRecord> before = find(record.id());
        try (PreparedStatement sql = connection.prepareStatement("UPDATE sobject_record SET fields = ? WHERE id = ?")) {
            sql.setString(1, toJson(record.fields()));
            sql.setString(2, record.id());
            sql.executeUpdate();
        }
        deleteKeys(record.id());
        insertKeys(record, keys);
        ObjectNode changed = JSON.createObjectNode();
        List<String> changedFields = new ArrayList<>();
        List<String> nulledFields = new ArrayList<>();
        ObjectNode old = before.map(StoredRecord::fields).orElse(JSON.createObjectNode());
        record.fields().fields().forEachRemaining(field -> {
            if (!field.getValue().equals(old.get(field.getKey()))) {
                changedFields.add(field.getKey());
                if (field.getValue().isNull()) {
                    nulledFields.add(field.getKey());
                } else {
                    changed.set(field.getKey(), field.getValue());
                }
            }
        });
        changeEvent(record.objectName(), record.id(), "UPDATE", changed, changedFields, nulledFields);
    }

    /**
     * Removes the record and keeps it in the recycle bin, as Salesforce does: later calls answer ENTITY_IS_DELETED, and
     * queryAll finds it with {@code IsDeleted} true and the deletion's {@code SystemModstamp}.
     */
    public boolean delete(String id) throws SQLException {
        Optional<StoredRecord> deleted = find(id);
        deleteKeys(id);
        try (PreparedStatement sql = connection.prepareStatement("DELETE FROM sobject_record WHERE id = ?");
                PreparedStatement tombstone = connection.prepareStatement(
                        "INSERT INTO deleted_record (id, object_name, fields) VALUES (?, ?, ?)")) {
            sql.setString(1, id);
            if (sql.executeUpdate() != 1) {
                return false;
            }
            ObjectNode binned = deleted.orElseThrow().fields().deepCopy();
            String now = SalesforceTimestamps.format(java.time.Instant.now());
            binned.put("IsDeleted", true);
            binned.put("SystemModstamp", now);
            binned.put("LastModifiedDate", now);
            tombstone.setString(1, id);
            tombstone.setString(2, deleted.get().objectName());
            tombstone.setString(3, binned.toString());
            tombstone.executeUpdate();
            changeEvent(deleted.orElseThrow().objectName(), id, "DELETE", JSON.createObjectNode(), List.of(), List.of());
            return true;
        }
    }

    /**
     * A change event of this write, as Change Data Capture publishes it: the header (what changed, how, where from, in
     * which transaction), then the values. Its replay id is the row's, given on insert, in the order of commits since
     * writes are serialised.
     */
    private void changeEvent(String objectName, String id, String changeType, ObjectNode values, List<String> changedFields,
            List<String> nulledFields) throws SQLException {
        long now = System.currentTimeMillis();
        ObjectNode payload = JSON.createObjectNode();
        ObjectNode header = payload.putObject("ChangeEventHeader");
        header.put("entityName", objectName);
        header.putArray("recordIds").add(id);
        header.put("changeType", changeType);
        header.put("changeOrigin", origin);
        header.put("transactionKey", transactionKey);
        header.put("sequenceNumber", ++sequence);
        header.put("commitTimestamp", now);
        header.put("commitNumber", now * 1000 + sequence);
        header.put("commitUser", OAuthResource.USER_ID);
        changedFields.forEach(header.putArray("changedFields")::add);
        header.putArray("diffFields");
        nulledFields.forEach(header.putArray("nulledFields")::add);
        payload.setAll(values);
        try (PreparedStatement sql = connection.prepareStatement(
                "INSERT INTO change_event (object_name, payload, created_at) VALUES (?, ?, ?)")) {
            sql.setString(1, objectName);
            sql.setString(2, toJson(payload));
            sql.setTimestamp(3, new java.sql.Timestamp(now));
            sql.executeUpdate();
        }
    }

    /** Change events after the replay id, of these objects (all of them when null), oldest first, at most {@code limit}. */
    public List<ChangeEvents.Event> eventsAfter(long replayId, java.util.Set<String> objects, int limit) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("SELECT replay_id, object_name, payload FROM change_event"
                + " WHERE replay_id > ? ORDER BY replay_id")) {
            sql.setLong(1, replayId);
            List<ChangeEvents.Event> events = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next() && events.size() < limit) {
                    if (objects == null || objects.contains(rows.getString(2))) {
                        events.add(new ChangeEvents.Event(rows.getLong(1), rows.getString(2), rows.getString(3)));
                    }
                }
            }
            return events;
        }
    }

    /** The oldest and newest replay ids kept (0, 0 when none), after the events older than {@code keepFrom} are gone. */
    public long[] retainedEvents(java.time.Instant keepFrom) throws SQLException {
        try (PreparedStatement purge = connection.prepareStatement("DELETE FROM change_event WHERE created_at < ?");
                PreparedStatement range = connection.prepareStatement(
                        "SELECT COALESCE(MIN(replay_id), 0), COALESCE(MAX(replay_id), 0) FROM change_event")) {
            purge.setTimestamp(1, java.sql.Timestamp.from(keepFrom));
            purge.executeUpdate();
            try (ResultSet rows = range.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    public boolean isDeleted(String id) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("SELECT 1 FROM deleted_record WHERE id = ?")) {
            sql.setString(1, id);
            try (ResultSet rows = sql.executeQuery()) {
                return rows.next();
            }
        }
    }

    public void deleteAll() throws SQLException {
        try (PreparedStatement keys = connection.prepareStatement("DELETE FROM record_key");
                PreparedStatement records = connection.prepareStatement("DELETE FROM sobject_record");
                PreparedStatement tombstones = connection.prepareStatement("DELETE FROM deleted_record")) {
            keys.executeUpdate();
            records.executeUpdate();
            tombstones.executeUpdate();
        }
    }

    private void insertKeys(StoredRecord record, Map<String, String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement sql = connection.prepareStatement(
                "INSERT INTO record_key (object_name, field_name, value_key, record_id) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, String> key : keys.entrySet()) {
                sql.setString(1, record.objectName());
                sql.setString(2, key.getKey());
                sql.setString(3, key.getValue());
                sql.setString(4, record.id());
                sql.addBatch();
            }
            sql.executeBatch();
        }
    }

    private void deleteKeys(String id) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("DELETE FROM record_key WHERE record_id = ?")) {
            sql.setString(1, id);
            sql.executeUpdate();
        }
    }

    private static List<StoredRecord> toRecords(PreparedStatement sql) throws SQLException {
        List<StoredRecord> records = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery()) {
            while (rows.next()) {
                records.add(toRecord(rows));
            }
        }
        return records;
    }

    private static StoredRecord toRecord(ResultSet row) throws SQLException {
        try {
            return new StoredRecord(row.getString(1), row.getString(2), (ObjectNode) JSON.readTree(row.getString(3)));
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable fields of record " + row.getString(1), e);
        }
    }

    private static String toJson(ObjectNode fields) throws SQLException {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unwritable fields", e);
        }
    }
}
