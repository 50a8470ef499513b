package io.cutover.bench;

import io.cutover.source.CsvExportReader;
import io.cutover.source.CsvSettings;
import io.cutover.source.ExportDescription;
import io.cutover.source.SourceRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reads the same generated UTF-8 export (1 million rows, about 60 MB) once per operation: with Cutover's reader
 * (charset detection, line numbers, checks, a map per row) and with plain commons-csv building the same map per row,
 * as camel-csv's {@code useMaps} did. The difference is the price of what the reader adds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class CsvReadBenchmark {

    static final long ROWS = 1_000_000;
    private final Path file = Path.of("target", "bench-export.csv");

    @Setup
    public void generate() throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,first_name,last_name,city,notes\n");
            for (long row = 1; row <= ROWS; row++) {
                out.write("C" + row + ",Hélène,Müller-Țepeș,Besançon,");
                out.write(row % 100 == 0 ? "\"called twice,\nno answer\"\n" : "\"called, no answer\"\n");
            }
        }
        System.out.printf("%n%s: %d rows, %d bytes%n", file, ROWS, Files.size(file));
    }

    @Benchmark
    public long cutoverReader(Blackhole hole) throws IOException {
        long records = 0;
        ExportDescription export = new ExportDescription(Path.of("bench.yaml"), "Contact", file, "id", CsvSettings.DEFAULTS);
        try (CsvExportReader reader = new CsvExportReader(export)) {
            while (reader.hasNext()) {
                SourceRecord record = reader.next();
                hole.consume(record);
                records++;
            }
        }
        return records;
    }

    @Benchmark
    public long plainCommonsCsv(Blackhole hole) throws IOException {
        long records = 0;
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(text)) {
            for (CSVRecord record : parser) {
                hole.consume(record.toMap());
                records++;
            }
        }
        return records;
    }
}
