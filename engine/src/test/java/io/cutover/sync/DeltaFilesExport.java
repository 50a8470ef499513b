package io.cutover.sync;

import io.cutover.run.SampleExport;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The sample export as a CRM without an API delivers it: files with a modification time and a deleted flag per row,
 * described with {@code changes}; the sync on, taking delta files in from its own folder.
 */
public class DeltaFilesExport extends SampleExport {

    static Path deltaDir;

    static Path exportDir() {
        return exportDir;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            Path sources = Files.createDirectories(exportDir.resolveSibling("sources"));
            for (String object : List.of("Account", "Contact")) {
                String name = object.toLowerCase() + "s";
                withChangeColumns(exportDir.resolve(name + ".csv"));
                Files.writeString(sources.resolve(name + ".yaml"), """
                        object: %s
                        file: %s.csv
                        legacyId: %s_id
                        changes: {field: modified_at, deleted: deleted}
                        """.formatted(object, name, object.toLowerCase()));
            }
            deltaDir = Files.createDirectories(exportDir.resolveSibling("deltas"));
            config.put("cutover.sources.dir", sources.toString());
            config.put("cutover.sync.enabled", "true");
            config.put("cutover.sync.tick", "200ms");
            config.put("cutover.sync.delta-dir", deltaDir.toString());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row changed at the start of 2024 and not deleted. */
    private static void withChangeColumns(Path file) throws IOException {
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            header = new ArrayList<>(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                List<String> row = new ArrayList<>(record.toList());
                row.add("2024-01-01T00:00:00Z");
                row.add("false");
                rows.add(row);
            }
        }
        header.add("modified_at");
        header.add("deleted");
        try (Writer out = Files.newBufferedWriter(file);
                CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
            printer.printRecords(rows);
        }
    }
}
