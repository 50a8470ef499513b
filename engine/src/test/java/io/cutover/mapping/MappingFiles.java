package io.cutover.mapping;

import io.cutover.config.ConfigurationProblems;
import io.cutover.mapping.profile.ExportProfiler;
import io.cutover.mapping.profile.ObjectProfile;
import io.cutover.mapping.transform.TransformChain;
import io.cutover.source.CsvExportReader;
import io.cutover.source.ExportDescription;
import io.cutover.schema.FieldDescribe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Mapping files read and exports profiled as the application does, for plain tests. */
final class MappingFiles {

    /** Compiles the mappings' expressions, as the application's Camel context does. */
    static final CamelContext CAMEL = new DefaultCamelContext();

    private MappingFiles() {
    }

    /** The mapping, or the problems of the file as the start-up check words them. */
    static ObjectMapping read(Path file) {
        ConfigurationProblems problems = new ConfigurationProblems("the mapping files");
        ObjectMapping mapping = new MappingFileReader(file, problems, CAMEL).read();
        problems.throwIfAny();
        return mapping;
    }

    /** The profile of a file export, read with the source stage's CSV reader. */
    static ObjectProfile profile(ExportProfiler profiler, ExportDescription export, Map<String, FieldDescribe> targets)
            throws IOException {
        return profile(profiler, export, targets, Map.of());
    }

    /** The profile of a file export whose mapped columns go through the mapping's transforms. */
    static ObjectProfile profile(ExportProfiler profiler, ExportDescription export, Map<String, FieldDescribe> targets,
            Map<String, TransformChain> transforms) throws IOException {
        try (CsvExportReader reader = new CsvExportReader(export)) {
            return profiler.profile(new ExportProfiler.Export(export.object(), export.file().getFileName().toString(),
                    reader.charset().name(), reader.charsetReason(), export.legacyIdColumn(), reader.header()), reader, targets, transforms);
        }
    }

    /** The mapping document's table of a file export. */
    static MappingDocument.Table table(ObjectMapping mapping, io.cutover.schema.SObjectDescribe describe,
            ExportDescription export) throws IOException {
        try (CsvExportReader reader = new CsvExportReader(export)) {
            return MappingDocument.table(mapping, describe, export.file().getFileName().toString(),
                    export.legacyIdColumn(), reader);
        }
    }
}
