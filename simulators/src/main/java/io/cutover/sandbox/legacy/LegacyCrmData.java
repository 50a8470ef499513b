package io.cutover.sandbox.legacy;

import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records the simulator serves, read from the export files (UTF-8, comma-separated, a header row) the first time
 * a collection is asked for, and kept in memory, where the change generator edits, creates and deletes them: the
 * simulator stands for a server, not for the migration.
 *
 * <p>A deleted record stays, as a legacy CRM's soft delete does: flagged {@value #DELETED}, with the time of the deletion
 * as its {@value #UPDATED_AT}, so that a client asking for the changes since a time sees the deletion.
 */
@Singleton
public class LegacyCrmData {

    /** The field every record gets besides its columns: when the legacy CRM last changed it. */
    public static final String UPDATED_AT = "updated_at";
    /** The field every record gets besides its columns: true once the record is deleted. */
    public static final String DELETED = "deleted";

    /**
     * One record as stored: its place in the collection (the order records were created in, which never changes), when
     * it last changed, and its fields as served.
     */
    public record Stored(long sequence, Instant updatedAt, Map<String, Object> fields) {

        public boolean deleted() {
            return Boolean.TRUE.equals(fields.get(DELETED));
        }

        private Stored changed(Instant at, String field, Object value) {
            Map<String, Object> changed = new LinkedHashMap<>(fields);
            changed.put(field, value);
            changed.put(UPDATED_AT, at.toString());
            return new Stored(sequence, at, changed);
        }
    }

    /** Export order; for the changes since a time, the order they happened in. */
    private static final Comparator<Stored> BY_UPDATE = Comparator.comparing(Stored::updatedAt)
            .thenComparingLong(Stored::sequence);

    private final LegacyCrmConfig config;
    private final Map<LegacyCrmCollection, List<Stored>> records = new EnumMap<>(LegacyCrmCollection.class);
    private final Map<LegacyCrmCollection, Long> created = new EnumMap<>(LegacyCrmCollection.class);

    LegacyCrmData(LegacyCrmConfig config) {
        this.config = config;
    }

    /**
     * The collection's live records in export order; with {@code since}, the records changed at or after it, deleted
     * ones too, in the order of their changes.
     */
    public synchronized List<Stored> list(LegacyCrmCollection collection, Optional<Instant> since) {
        List<Stored> all = stored(collection);
        if (since.isEmpty()) {
            return all.stream().filter(record -> !record.deleted()).toList();
        }
        return all.stream().filter(record -> !record.updatedAt().isBefore(since.get())).sorted(BY_UPDATE).toList();
    }

    /**
     * Someone edits a live record of the collection at {@code at} (the changes of one commit share their time): its
     * edited field changes. Returns its id, or empty when none is left.
     */
    synchronized Optional<String> editOne(LegacyCrmCollection collection, Random random, Instant at) {
        return changeOne(collection, random, record -> true, record -> record.changed(at, collection.editedField(),
                "Edited in the legacy CRM at " + at));
    }

    /**
     * Someone deletes a live record of the collection that no live record refers to (a CRM refuses to delete an account
     * that still has contacts). Returns its id, or empty when none is left.
     */
    synchronized Optional<String> deleteOne(LegacyCrmCollection collection, Random random, Instant at) {
        java.util.Set<String> referred = new java.util.HashSet<>();
        for (LegacyCrmCollection child : LegacyCrmCollection.values()) {
            if (child.references().contains(collection.idColumn())) {
                stored(child).stream().filter(record -> !record.deleted())
                        .map(record -> record.fields().get(collection.idColumn()))
                        .filter(java.util.Objects::nonNull).forEach(id -> referred.add(id.toString()));
            }
        }
        return changeOne(collection, random, record -> !referred.contains(String.valueOf(record.fields().get(collection.idColumn()))),
                record -> record.changed(at, DELETED, true));
    }

    /** Someone creates a record at {@code at}, a copy of a live one (so its references hold) under a new id. Returns its id. */
    synchronized Optional<String> createOne(LegacyCrmCollection collection, Random random, Instant at) {
        return randomLive(stored(collection), random, record -> true)
                .map(model -> create(collection, model.fields(), at, Map.of()));
    }

    /**
     * Someone creates a record that refers to a parent account created only after it (the generator creates it next):
     * a change that may arrive before its parent. Returns the new record's id and the parent's id to create.
     */
    synchronized Optional<Map.Entry<String, String>> createBeforeItsAccount(LegacyCrmCollection collection, Random random,
            Instant at) {
        String parentColumn = LegacyCrmCollection.ACCOUNTS.idColumn();
        Optional<Stored> model = randomLive(stored(collection), random, record -> true);
        if (model.isEmpty() || !collection.references().contains(parentColumn)) {
            return Optional.empty();
        }
        String parentId = LegacyCrmCollection.ACCOUNTS.newId(created.merge(LegacyCrmCollection.ACCOUNTS, 1L, Long::sum));
        return Optional.of(Map.entry(create(collection, model.get().fields(), at, Map.of(parentColumn, parentId)), parentId));
    }

    /** Creates the account a record created earlier already refers to, under the id it was given then. */
    synchronized Optional<String> createAccount(String id, Random random, Instant at) {
        return randomLive(stored(LegacyCrmCollection.ACCOUNTS), random, record -> true).map(model -> {
            Map<String, Object> fields = new LinkedHashMap<>(model.fields());
            fields.put(LegacyCrmCollection.ACCOUNTS.idColumn(), id);
            List<Stored> all = stored(LegacyCrmCollection.ACCOUNTS);
            all.add(new Stored(all.size() + 1L, at, fields).changed(at, UPDATED_AT, at.toString()));
            return id;
        });
    }

    private String create(LegacyCrmCollection collection, Map<String, Object> modelFields, Instant at,
            Map<String, String> overrides) {
        List<Stored> all = stored(collection);
        String id = collection.newId(created.merge(collection, 1L, Long::sum));
        Map<String, Object> fields = new LinkedHashMap<>(modelFields);
        fields.putAll(overrides);
        fields.put(collection.idColumn(), id);
        all.add(new Stored(all.size() + 1L, at, fields).changed(at, UPDATED_AT, at.toString()));
        return id;
    }

    /** The record with this id, deleted or not. */
    public synchronized Optional<Stored> find(LegacyCrmCollection collection, String id) {
        return stored(collection).stream().filter(record -> id.equals(String.valueOf(record.fields().get(collection.idColumn()))))
                .findFirst();
    }

    /**
     * A client of the API creates a record with these fields at {@code at}, under a new id (an id the client gives is
     * ignored, as a CRM assigns its own). Returns the record as stored.
     */
    public synchronized Stored createFromApi(LegacyCrmCollection collection, Map<String, Object> fields, Instant at) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((field, value) -> values.put(field, value == null ? null : String.valueOf(value)));
        values.remove(UPDATED_AT);
        values.put(DELETED, false);
        String id = create(collection, values, at, Map.of());
        return find(collection, id).orElseThrow();
    }

    /**
     * A client of the API changes the fields given of a live record at {@code at}; the others keep their values (the id
     * and the change time are the CRM's own). Empty when no live record has the id.
     */
    public synchronized Optional<Stored> updateFromApi(LegacyCrmCollection collection, String id,
            Map<String, Object> changes, Instant at) {
        Optional<Stored> current = find(collection, id).filter(record -> !record.deleted());
        current.ifPresent(record -> {
            Map<String, Object> fields = new LinkedHashMap<>(record.fields());
            changes.forEach((field, value) -> {
                if (!field.equals(collection.idColumn()) && !field.equals(UPDATED_AT) && !field.equals(DELETED)) {
                    fields.put(field, value == null ? null : String.valueOf(value));
                }
            });
            fields.put(UPDATED_AT, at.toString());
            stored(collection).set((int) record.sequence() - 1, new Stored(record.sequence(), at, fields));
        });
        return current.flatMap(record -> find(collection, id));
    }

    /** A client of the API deletes a live record at {@code at} (flagged, as everywhere). False when no live record has the id. */
    public synchronized boolean deleteFromApi(LegacyCrmCollection collection, String id, Instant at) {
        Optional<Stored> current = find(collection, id).filter(record -> !record.deleted());
        current.ifPresent(record -> stored(collection).set((int) record.sequence() - 1, record.changed(at, DELETED, true)));
        return current.isPresent();
    }

    /** Back to the export as read from the files: the changes made since are gone. */
    public synchronized void reset() {
        records.clear();
        created.clear();
    }

    private Optional<String> changeOne(LegacyCrmCollection collection, Random random, Predicate<Stored> eligible,
            UnaryOperator<Stored> change) {
        List<Stored> all = stored(collection);
        Optional<Stored> chosen = randomLive(all, random, eligible);
        chosen.ifPresent(record -> all.set((int) record.sequence() - 1, change.apply(record)));
        return chosen.map(record -> (String) record.fields().get(collection.idColumn()));
    }

    private static Optional<Stored> randomLive(List<Stored> all, Random random, Predicate<Stored> eligible) {
        List<Stored> live = all.stream().filter(record -> !record.deleted() && eligible.test(record)).toList();
        return live.isEmpty() ? Optional.empty() : Optional.of(live.get(random.nextInt(live.size())));
    }

    /** Change times in milliseconds, as such systems keep them. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private List<Stored> stored(LegacyCrmCollection collection) {
        return records.computeIfAbsent(collection, this::read);
    }

    private List<Stored> read(LegacyCrmCollection collection) {
        Path file = config.dataDir().resolve(collection.file());
        List<Stored> read = new ArrayList<>();
        Instant updatedAt = config.firstUpdatedAt();
        try (BufferedReader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(withoutByteOrderMark(text))) {
            for (CSVRecord row : rows) {
                if (!row.isConsistent()) {
                    throw new IllegalStateException("The legacy CRM simulator cannot serve " + file + ": line "
                            + rows.getCurrentLineNumber() + " has " + row.size() + " values, the header "
                            + rows.getHeaderNames().size() + " columns");
                }
                Map<String, Object> record = new LinkedHashMap<>(row.toMap());
                record.put(UPDATED_AT, updatedAt.toString());
                record.put(DELETED, false);
                read.add(new Stored(read.size() + 1L, updatedAt, record));
                updatedAt = updatedAt.plus(Duration.ofMinutes(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The legacy CRM simulator cannot read " + file, e);
        }
        return read;
    }

    private static BufferedReader withoutByteOrderMark(BufferedReader text) throws IOException {
        text.mark(1);
        if (text.read() != '\uFEFF') {
            text.reset();
        }
        return text;
    }
}
