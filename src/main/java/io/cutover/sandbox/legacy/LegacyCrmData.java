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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records the simulator serves, read from the export files with the product's own CSV reader the first time a
 * collection is asked for, and kept in memory: the simulator stands for a server, not for the migration.
 */
@Singleton
public class LegacyCrmData {

    /** The field every record gets besides its columns: when the legacy CRM last changed it. */
    public static final String UPDATED_AT = "updated_at";

    private final LegacyCrmConfig config;
    private final Map<LegacyCrmCollection, List<Map<String, Object>>> records = new ConcurrentHashMap<>();

    LegacyCrmData(LegacyCrmConfig config) {
        this.config = config;
    }

    /** The collection's records in export order, each with its columns as text and its {@value #UPDATED_AT}. */
    public List<Map<String, Object>> records(LegacyCrmCollection collection) {
        return records.computeIfAbsent(collection, this::read);
    }

    private List<Map<String, Object>> read(LegacyCrmCollection collection) {
        Path file = config.dataDir().resolve(collection.file());
        List<Map<String, Object>> read = new ArrayList<>();
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
                read.add(record);
                updatedAt = updatedAt.plus(Duration.ofMinutes(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The legacy CRM simulator cannot read " + file, e);
        }
        return List.copyOf(read);
    }
}
