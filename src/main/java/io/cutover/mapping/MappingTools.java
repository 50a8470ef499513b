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
import io.cutover.schema.DescribeDocuments;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.schema.TargetSchema;
import io.cutover.source.CsvExportReader;
import io.cutover.source.ExportDescription;
import io.cutover.source.SourceCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands that prepare a migration rather than run one (auto-mapping, profiling, the mapping document): each reads
 * the source descriptions, the target's describe and (except auto-mapping) the mapping files, and writes its files into
 * a folder. They run outside Camel's routes, as their own modes (cutover.mode).
 */
@ApplicationScoped
public class MappingTools {

    private final SourceCatalog sources;
    private final TargetSchema target;
    private final DescribeDocuments describes;
    /** Looked up only by the commands that need mappings, so that auto-mapping works before any mapping exists. */
    private final Instance<MappingCatalog> mappings;

    MappingTools(SourceCatalog sources, TargetSchema target, DescribeDocuments describes, Instance<MappingCatalog> mappings) {
        this.sources = sources;
        this.target = target;
        this.describes = describes;
        this.mappings = mappings;
    }

    /** A draft mapping file per described export, {@code <object>.yaml}; returns the files written. */
    public List<Path> autoMap(Path folder) throws IOException {
        AutoMapper mapper = AutoMapper.forGlobalDescribe(FieldSynonyms.builtIn(), describes.global());
        List<Path> written = new ArrayList<>();
        for (ExportDescription export : describedExports()) {
            List<String> header;
            try (CsvExportReader reader = new CsvExportReader(export)) {
                header = reader.header();
            }
            MappingProposal proposal = mapper.propose(export.object(), export.file().getFileName().toString(), header,
                    TargetField.of(describes.describe(export.object()).orElseThrow()));
            written.add(write(folder.resolve(export.object().toLowerCase(Locale.ROOT) + ".yaml"),
                    DraftMappingWriter.yaml(proposal)));
        }
        return written;
    }

    /** {@code profile.json} and {@code profile.md} for every described export; returns the files written. */
    public List<Path> profile(Path folder, ProfileLimits limits) throws IOException {
        ExportProfiler profiler = new ExportProfiler(limits);
        List<ObjectProfile> profiles = new ArrayList<>();
        for (ExportDescription export : describedExports()) {
            SObjectDescribe describe = target.find(export.object()).orElseThrow();
            Map<String, FieldDescribe> targets = mappings.get().find(export.object())
                    .map(mapping -> ExportProfiler.targetsOf(mapping, describe)).orElse(Map.of());
            profiles.add(profiler.profile(export, targets));
        }
        return List.of(write(folder.resolve("profile.json"), ProfileReport.json(profiles)),
                write(folder.resolve("profile.md"), ProfileReport.markdown(profiles)));
    }

    /** {@code mapping.md} and {@code mapping.csv} for every mapping file; returns the files written. */
    public List<Path> mappingDocument(Path folder) throws IOException {
        MappingCatalog catalog = mappings.get();
        List<MappingDocument.Table> tables = new ArrayList<>();
        for (String object : catalog.objects()) {
            tables.add(MappingDocument.table(catalog.forObject(object), target.find(object).orElseThrow(),
                    sources.forObject(object)));
        }
        return List.of(write(folder.resolve("mapping.md"), MappingDocument.markdown(tables)),
                write(folder.resolve("mapping.csv"), MappingDocument.csv(tables)));
    }

    /** The exports of the source descriptions, for the objects the target has (the source check names the others). */
    private List<ExportDescription> describedExports() {
        List<ExportDescription> exports = new ArrayList<>();
        for (String object : target.objectNames()) {
            sources.find(object).ifPresent(exports::add);
        }
        return exports;
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
