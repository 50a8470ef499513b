package io.cutover.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An export several times larger than the heap is read whole: the reader streams, so the heap it needs does not grow
 * with the file. The reading runs in a child JVM started with a small -Xmx, so the limit is real (the test JVM's own
 * heap is much larger).
 */
class LargeExportTest {

    static final int HEAP_MB = 64;
    static final long ROWS = 5_000_000;
    private final Path file = Path.of("target", "large-export.csv");

    @AfterEach
    void deleteTheExport() throws IOException {
        Files.deleteIfExists(file);
    }

    @Test
    void anExportFarLargerThanTheHeapIsReadInConstantMemory() throws IOException, InterruptedException {
        long lines = generate(file, ROWS);
        assertThat(Files.size(file)).isGreaterThan(4L * HEAP_MB * 1024 * 1024);

        Path output = Path.of("target", "large-export-count.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"), CountRecords.class.getName(),
                file.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child JVM ended").isTrue();

        assertThat(Files.readString(output)).as("exit code %d", child.exitValue())
                .isEqualTo("records=" + ROWS + " rejected=" + ROWS / 1000 + " lastLine=" + lines + "\n");
        assertThat(child.exitValue()).isZero();
    }

    /**
     * Rows with accented text, every 1000th one value short (rejected), the other 100th ones with a line break in a
     * quoted value; returns the line on which the last record starts.
     */
    static long generate(Path file, long rows) throws IOException {
        long lastStart = 0;
        long nextLine = 2;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,first_name,last_name,city,notes\n");
            for (long row = 1; row <= rows; row++) {
                out.write("C" + row + ",Hélène,Müller-Țepeș,Besançon");
                boolean multiLine = row % 100 == 0 && row % 1000 != 0;
                if (row % 1000 != 0) {
                    out.write(multiLine ? ",\"called twice,\nno answer\"\n" : ",\"called, no answer\"\n");
                } else {
                    out.write('\n');
                }
                lastStart = nextLine;
                nextLine += multiLine ? 2 : 1;
            }
        }
        return lastStart;
    }

    /** The child JVM's work: read the export, count. */
    public static final class CountRecords {
        public static void main(String[] args) throws IOException {
            ExportDescription export = new ExportDescription(Path.of("large.yaml"), "Contact", Path.of(args[0]), "id",
                    CsvSettings.DEFAULTS);
            long records = 0;
            long rejected = 0;
            long lastLine = 0;
            try (CsvExportReader reader = new CsvExportReader(export)) {
                while (reader.hasNext()) {
                    SourceRecord record = reader.next();
                    records++;
                    rejected += record.readable() ? 0 : 1;
                    lastLine = record.line();
                }
            }
            System.out.println("records=" + records + " rejected=" + rejected + " lastLine=" + lastLine);
        }
    }
}
