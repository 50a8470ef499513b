package io.cutover.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export read past the records an interrupted attempt staged: the same numbers and places, every record counted. */
class ResumedReadTest {

    @TempDir
    Path dir;

    /** Four records over seven lines: a title-less header, a blank line, a value over two lines, a ragged row. */
    private ExportDescription export() throws IOException {
        Path file = Files.writeString(dir.resolve("accounts.csv"),
                "id,name\n1,Acme\n\n2,\"Two\nlines\"\n3,Beta,extra\n4,Gamma\n");
        return new ExportDescription(dir.resolve("accounts.yaml"), "Account", file, "id", CsvSettings.DEFAULTS);
    }

    @Test
    void theRecordsAfterTheLastStagedKeepTheirNumbersAndLines() throws IOException {
        List<SourceRecord> whole = readAll(new ResumedRead(new CsvExportReader(export()), 0));
        ResumedRead resumed = new ResumedRead(new CsvExportReader(export()), 2);

        List<SourceRecord> rest = readAll(resumed);

        assertThat(rest).containsExactlyElementsOf(whole.subList(2, 4));
        assertThat(rest).extracting(SourceRecord::recordNumber).containsExactly(3L, 4L);
        assertThat(rest.get(0).readable()).as("a ragged row after the skip is still a reject").isFalse();
        assertThat(resumed.recordsSkipped()).isEqualTo(2);
        assertThat(resumed.recordsRead()).isEqualTo(4);
        assertThat(resumed.endedWithinStaged()).isFalse();
    }

    @Test
    void anExportStagedWholeEndsWithinTheStagedRecordsAndCountsThemAll() throws IOException {
        ResumedRead resumed = new ResumedRead(new CsvExportReader(export()), 4);

        assertThat(readAll(resumed)).isEmpty();
        assertThat(resumed.recordsRead()).isEqualTo(4);
        assertThat(resumed.endedWithinStaged()).isTrue();
    }

    @Test
    void aFirstAttemptSkipsNothing() throws IOException {
        ResumedRead first = new ResumedRead(new CsvExportReader(export()), 0);

        assertThat(readAll(first)).hasSize(4);
        assertThat(first.recordsSkipped()).isZero();
        assertThat(first.endedWithinStaged()).isFalse();
    }

    private static List<SourceRecord> readAll(ResumedRead read) throws IOException {
        List<SourceRecord> all = new ArrayList<>();
        read.forEachRemaining(all::add);
        read.close();
        return all;
    }
}
