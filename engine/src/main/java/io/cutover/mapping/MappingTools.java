package io.cutover.mapping;

import io.cutover.mapping.automap.AutoMapper;
import io.cutover.mapping.automap.DraftMappingWriter;
import io.cutover.mapping.automap.FieldSynonyms;
import io.cutover.mapping.automap.MappingProposal;
import io.cutover.mapping.automap.TargetField;
import io.cutover.mapping.profile.ExportProfiler;
import io.cutover.mapping.profile.ObjectProfile;
import io.cutover.mapping.profile.ProfileLimits;
import io.cutover.mapping.profile.ProfileReport;
import io.cutover.mapping.transform.TransformChain;
import io.cutover.schema.DescribeDocuments;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;
import io.cutover.source.CsvExportReader;
import io.cutover.source.Exports;
import io.cutover.source.SourceCatalog;
import io.cutover.source.SourceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The commands that prepare a migration rather than run one (auto-mapping, profiling, the mapping document): each reads
 * the source descriptions, the exports (files or REST APIs, through the source stage's readers), the target's describe
 * and (except auto-mapping) the mapping files, and writes its files into a folder. They run outside Camel's routes, as their own modes (cutover.mode).
 */
@ApplicationScoped
public class MappingTools {

    private final SourceCatalog sources;
    private final Exports exports;
    private final TargetSchema target;
    private final DescribeDocuments describes;
    /** Looked up only by the commands that need mappings, so that auto-mapping works before any mapping exists. */
    private final Instance<MappingCatalog> mappings;

    MappingTools(SourceCatalog sources, Exports exports, TargetSchema target, DescribeDocuments describes,
            Instance<MappingCatalog> mappings) {
        this.sources = sources;
        this.exports = exports;
        this.target = target;
        this.describes = describes;
        this.mappings = mappings;
    }

    /**
     * A draft mapping file per described export, {@code <object>.yaml}; returns the files written. A file's columns are
     * its header; a REST export's are the fields of the records on its first page.
     */
    public List<Path> autoMap(Path folder) throws IOException {
        AutoMapper mapper = AutoMapper.forGlobalDescribe(FieldSynonyms.builtIn(), describes.global());
        List<Path> written = new ArrayList<>();
        for (String object : describedObjects()) {
            List<String> columns = sources.header(object);
            if (columns == null) {
                Set<String> fields = new LinkedHashSet<>();
                read(object, records -> {
                    for (SourceRecord record; records.hasNext() && (record = records.next()).page() <= 1;) {
                        fields.addAll(record.values().keySet());
                    }
                    return null;
                });
                columns = List.copyOf(fields);
            }
            MappingProposal proposal = mapper.propose(object, exportName(object), columns,
                    TargetField.of(describes.describe(object).orElseThrow()), sources.legacyIdColumns(object));
            written.add(write(folder.resolve(object.toLowerCase(Locale.ROOT) + ".yaml"), DraftMappingWriter.yaml(proposal)));
        }
        return written;
    }

    /** {@code profile.json} and {@code profile.md} for every described export; returns the files written. */
    public List<Path> profile(Path folder, ProfileLimits limits) throws IOException {
        ExportProfiler profiler = new ExportProfiler(limits);
        List<ObjectProfile> profiles = new ArrayList<>();
        for (String object : describedObjects()) {
            SObjectDescribe describe = target.find(object).orElseThrow();
            Map<String, FieldDescribe> targets = mappings.get().find(object)
                    .map(mapping -> ExportProfiler.targetsOf(mapping, describe)).orElse(Map.of());
            Map<String, TransformChain> transforms = mappings.get().find(object)
                    .map(mapping -> ExportProfiler.transformsOf(mapping, describe)).orElse(Map.of());
            profiles.add(read(object, records -> profiler.profile(new ExportProfiler.Export(object, exportName(object),
                    records instanceof CsvExportReader file ? file.charset().name() : null,
                    records instanceof CsvExportReader file ? file.charsetReason() : null, legacyIdColumn(object),
                    sources.header(object) == null ? List.of() : sources.header(object)), records, targets, transforms)));
        }
        return List.of(write(folder.resolve("profile.json"), ProfileReport.json(profiles)),
                write(folder.resolve("profile.md"), ProfileReport.markdown(profiles)));
    }

    /** {@code mapping.md} and {@code mapping.csv} for every mapping file; returns the files written. */
    public List<Path> mappingDocument(Path folder) throws IOException {
        MappingCatalog catalog = mappings.get();
        List<MappingDocument.Table> tables = new ArrayList<>();
        for (String object : catalog.objects()) {
            tables.add(read(object, records -> MappingDocument.table(catalog.forObject(object),
                    target.find(object).orElseThrow(), exportName(object), legacyIdColumn(object), records)));
        }
        return List.of(write(folder.resolve("mapping.md"), MappingDocument.markdown(tables)),
                write(folder.resolve("mapping.csv"), MappingDocument.csv(tables)));
    }

    /** What a tool makes of an export's records, read as a run reads them. */
    @FunctionalInterface
    private interface RecordsReader<T> {
        T read(Iterator<SourceRecord> records) throws IOException;
    }

    /** The object's export read through the source stage ({@link Exports}), a file or a REST API, then closed. */
    private <T> T read(String object, RecordsReader<T> reader) throws IOException {
        Iterator<SourceRecord> records = exports.openWhole(object);
        try (Closeable closing = (Closeable) records) {
            return reader.read(records);
        }
    }

    /** The objects whose export a source description describes and the target has (the source check names the others). */
    private List<String> describedObjects() {
        return target.objectNames().stream().filter(sources::describes).toList();
    }

    /** The export's file names (globs as written), or its REST sources' URLs. */
    private String exportName(String object) {
        return sources.readsRest(object) ? String.join(", ", sources.restSources(object).stream()
                .map(rest -> rest.url().toString()).toList()) : sources.exportNames(object);
    }

    /** The legacy id column, or each one of the object's exports names, for the reader of a profile or a document. */
    private String legacyIdColumn(String object) {
        return String.join(", ", sources.legacyIdColumns(object));
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
