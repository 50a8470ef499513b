package io.cutover.sandbox.legacy;

import io.cutover.source.CsvExportReader;
import io.cutover.source.CsvSettings;
import io.cutover.source.ExportDescription;
import io.cutover.source.SourceRecord;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.function.UnaryOperator;

/**
 * The records the simulator serves, read from the export files with the product's own CSV reader the first time a
 * collection is asked for, and kept in memory, where the change generator edits, creates and deletes them: the
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

    /** Someone edits a live record of the collection: its edited field changes. Returns its id, or empty when none is left. */
    synchronized Optional<String> editOne(LegacyCrmCollection collection, Random random) {
        Instant now = now();
        return changeOne(collection, random, record -> record.changed(now, collection.editedField(),
                "Edited in the legacy CRM at " + now));
    }

    /** Someone deletes a live record of the collection. Returns its id, or empty when none is left. */
    synchronized Optional<String> deleteOne(LegacyCrmCollection collection, Random random) {
        return changeOne(collection, random, record -> record.changed(now(), DELETED, true));
    }

    /** Someone creates a record, a copy of a live one (so its references hold) under a new id. Returns its id. */
    synchronized Optional<String> createOne(LegacyCrmCollection collection, Random random) {
        List<Stored> all = stored(collection);
        Optional<Stored> model = randomLive(all, random);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        long number = created.merge(collection, 1L, Long::sum);
        String id = collection.newId(number);
        Stored record = new Stored(all.size() + 1L, model.get().updatedAt(), model.get().fields())
                .changed(now(), collection.idColumn(), id);
        all.add(record);
        return Optional.of(id);
    }

    /** Back to the export as read from the files: the changes made since are gone. */
    public synchronized void reset() {
        records.clear();
        created.clear();
    }

    private Optional<String> changeOne(LegacyCrmCollection collection, Random random,
            UnaryOperator<Stored> change) {
        List<Stored> all = stored(collection);
        Optional<Stored> chosen = randomLive(all, random);
        chosen.ifPresent(record -> all.set((int) record.sequence() - 1, change.apply(record)));
        return chosen.map(record -> (String) record.fields().get(collection.idColumn()));
    }

    private static Optional<Stored> randomLive(List<Stored> all, Random random) {
        List<Stored> live = all.stream().filter(record -> !record.deleted()).toList();
        return live.isEmpty() ? Optional.empty() : Optional.of(live.get(random.nextInt(live.size())));
    }

    /** Change times in milliseconds, as such systems keep them. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private List<Stored> stored(LegacyCrmCollection collection) {
        return records.computeIfAbsent(collection, this::read);
    }

    private List<Stored> read(LegacyCrmCollection collection) {
        Path file = config.dataDir().resolve(collection.file());
        List<Stored> read = new ArrayList<>();
        Instant updatedAt = config.firstUpdatedAt();
        try (CsvExportReader reader = new CsvExportReader(
                new ExportDescription(file, collection.object(), file, collection.idColumn(), CsvSettings.DEFAULTS))) {
            while (reader.hasNext()) {
                SourceRecord row = reader.next();
                if (!row.readable()) {
                    throw new IllegalStateException("The legacy CRM simulator cannot serve " + row.rejectMessage());
                }
                Map<String, Object> record = new LinkedHashMap<>(row.values());
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
}
