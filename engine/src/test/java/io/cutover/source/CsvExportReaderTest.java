package io.cutover.source;

import static io.cutover.source.CsvkitFilesTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on the exports Excel and old systems write, and on rows it cannot read. */
class CsvExportReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    @Test
    void frenchExcelExportSemicolonsInWindows1252AreDetected() throws IOException {
        Path file = write("contacts.csv", "id;nom;ville\r\n1;Hélène Œuvré;Besançon\r\n2;\"Dupont; Père\";Orléans\r\n",
                ExportCharset.WINDOWS_1252);
        assertThat(read(file, CsvSettings.DEFAULTS, "id")).extracting(SourceRecord::line, r -> r.values().get("nom"),
                r -> r.values().get("ville")).containsExactly(tuple(2L, "Hélène Œuvré", "Besançon"),
                        tuple(3L, "Dupont; Père", "Orléans"));
    }

    @Test
    void replacedBytesAreReportedPerColumnAsWarningsOfTheRecord() throws IOException {
        byte[] broken = {'i', 'd', ',', 'n', 'a', 'm', 'e', ',', 'c', 'i', 't', 'y', '\n', '1', ',', 'A', 'n', 'a', '\n',
                '2', ',', 'I', (byte) 0xff, 'o', (byte) 0xfe, ',', (byte) 0xc3, '\n'};
        Path file = Files.write(dir.resolve("broken.csv"), broken);
        List<SourceRecord> records = read(file, CsvSettings.DEFAULTS.withCharset(StandardCharsets.UTF_8)
                .with(CsvSettings.Undecodable.REPLACE).with(CsvSettings.RaggedRows.PAD), "id");

        assertThat(records).allMatch(SourceRecord::readable);
        assertThat(records.get(0).warnings()).isEmpty();
        assertThat(records.get(1).values()).containsEntry("name", "I\ufffdo\ufffd").containsEntry("city", "\ufffd");
        assertThat(records.get(1).warnings()).containsExactly(
                "broken.csv line 3 (record 2): column 'name': 2 undecodable byte sequences (not valid UTF-8) replaced by "
                        + "U+FFFD (undecodable: replace)",
                "broken.csv line 3 (record 2): column 'city': 1 undecodable byte sequence (not valid UTF-8) replaced by "
                        + "U+FFFD (undecodable: replace)");
    }

    @Test
    void aRowRejectedForItsBytesKeepsWhatCouldBeReadAndWhereTheBytesAre() throws IOException {
        byte[] broken = {'i', 'd', ',', 'n', 'a', 'm', 'e', ',', 'c', 'i', 't', 'y', '\n',
                'C', '7', ',', 'Z', 'o', (byte) 0xeb, ',', 'O', 's', 'l', 'o', '\n'};
        Path file = Files.write(dir.resolve("latin.csv"), broken);
        SourceRecord record = read(file, CsvSettings.DEFAULTS.withCharset(StandardCharsets.UTF_8), "id").get(0);

        assertThat(record.readable()).isFalse();
        assertThat(record.rejectCode()).isEqualTo("UNDECODABLE_BYTES");
        assertThat(record.legacyId()).isEqualTo("C7");
        assertThat(record.values()).containsEntry("id", "C7").containsEntry("name", "Zo\ufffd").containsEntry("city", "Oslo");
        assertThat(record.rejectMessage()).isEqualTo("latin.csv line 2 (record 1): column 'name' holds bytes that are not "
                + "valid UTF-8 from its character 3 (shown as U+FFFD)");
    }

    @Test
    void tabAndPipeDelimitersAreDetectedFromTheHeader() throws IOException {
        assertThat(read(write("tab.csv", "id\tname, first\tcity\n1\tA, B\tTurku\n", StandardCharsets.UTF_8), CsvSettings.DEFAULTS, "id"))
                .singleElement().satisfies(r -> assertThat(r.values()).containsEntry("name, first", "A, B"));
        assertThat(read(write("pipe.csv", "id|name\n1|Åsa\n", StandardCharsets.UTF_8), CsvSettings.DEFAULTS, "id"))
                .singleElement().satisfies(r -> assertThat(r.values()).containsEntry("name", "Åsa"));
    }

    @Test
    void aConfiguredDelimiterWinsOverDetection() throws IOException {
        Path file = write("c.csv", "id,name;x\n1,a;b\n", StandardCharsets.UTF_8);
        assertThat(read(file, CsvSettings.DEFAULTS.withDelimiter(';'), "id,name")).singleElement()
                .satisfies(r -> assertThat(r.values()).containsEntry("id,name", "1,a").containsEntry("x", "b"));
    }

    @Test
    void titleRowsAboveTheHeaderAreSkippedAndLinesStillCount() throws IOException {
        Path file = write("r.csv", "Export of 2026-11-22\r\nCRM v4, all contacts\r\nid,name\r\n1,\"Ana\nMaria\"\r\n2,Ion\r\n",
                StandardCharsets.UTF_8);
        assertThat(read(file, CsvSettings.DEFAULTS.withHeaderRow(3), "id"))
                .extracting(SourceRecord::line, SourceRecord::recordNumber, r -> r.values().get("name"))
                .containsExactly(tuple(4L, 1L, "Ana\nMaria"), tuple(6L, 2L, "Ion"));
    }

    @Test
    void aHeaderRowBeyondTheEndOfTheFileIsAnError() throws IOException {
        Path file = write("short.csv", "title\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(file, CsvSettings.DEFAULTS.withHeaderRow(4), "id")).isInstanceOf(IOException.class)
                .hasMessage("short.csv has 1 lines, the header is expected on line 4 (headerRow)");
    }

    @Test
    void anUnterminatedQuoteRejectsItsRowAndEndsTheFile() throws IOException {
        Path file = write("q.csv", "id,name\n1,ok\n2,\"never closed\n3,x\n", StandardCharsets.UTF_8);
        List<SourceRecord> records = read(file, CsvSettings.DEFAULTS, "id");
        assertThat(records).extracting(SourceRecord::line, SourceRecord::rejectCode)
                .containsExactly(tuple(2L, null), tuple(3L, "UNTERMINATED_QUOTE"));
        assertThat(records.get(1).rejectMessage()).startsWith("q.csv line 3 (record 2): a quoted value opened in this row is never closed");
    }

    @Test
    void textAfterAClosingQuoteRejectsTheRowAndTheNextRowsAreRead() throws IOException {
        Path file = write("m.csv", "id,name\n1,\"Ana\"x,more\n2,Ion\n", StandardCharsets.UTF_8);
        List<SourceRecord> records = read(file, CsvSettings.DEFAULTS, "id");
        assertThat(records).extracting(SourceRecord::line, SourceRecord::recordNumber, SourceRecord::rejectCode, SourceRecord::legacyId)
                .containsExactly(tuple(2L, 1L, "MALFORMED_ROW", null), tuple(3L, 2L, null, "2"));
        assertThat(records.get(0).rejectMessage()).startsWith("m.csv line 2 (record 1): Invalid character between encapsulated token and delimiter");
    }

    @Test
    void blankLinesHoldNoRecord() throws IOException {
        Path file = write("b.csv", "id,name\n\n1,a\n\n", StandardCharsets.UTF_8);
        assertThat(read(file, CsvSettings.DEFAULTS, "id")).extracting(SourceRecord::line, SourceRecord::recordNumber)
                .containsExactly(tuple(3L, 1L));
    }

    @Test
    void aVeryLongFieldIsReadWhole() throws IOException {
        String notes = "é".repeat(2_000_000);
        Path file = write("long.csv", "id,notes\n1,\"" + notes + "\"\n2,x\n", StandardCharsets.UTF_8);
        assertThat(read(file, CsvSettings.DEFAULTS, "id")).extracting(r -> r.values().get("notes"))
                .containsExactly(notes, "x");
    }

    @Test
    void utf16WithoutByteOrderMarkReadsWhenConfigured() throws IOException {
        Path file = write("u.csv", "id,name\n1,Ștefan\n", StandardCharsets.UTF_16LE);
        assertThat(read(file, CsvSettings.DEFAULTS.withCharset(StandardCharsets.UTF_16LE), "id")).singleElement()
                .satisfies(r -> assertThat(r.values()).containsEntry("name", "Ștefan"));
    }

    @Test
    void utf8IsNotMistakenForWindows1252() throws IOException {
        Path file = write("fi.csv", "id,nimi\n1,Jyväskylä\n", StandardCharsets.UTF_8);
        assertThat(ExportCharset.detect(file)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(read(file, CsvSettings.DEFAULTS, "id")).singleElement()
                .satisfies(r -> assertThat(r.values()).containsEntry("nimi", "Jyväskylä"));
    }

    @Test
    void utf16WithoutAByteOrderMarkIsToldByItsZeroBytes() throws IOException {
        Path little = write("le.csv", "id,name\n1,Zoë\n2,Ștefan\n", StandardCharsets.UTF_16LE);
        assertThat(ExportCharset.detect(little)).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(read(little, CsvSettings.DEFAULTS, "id")).extracting(r -> r.values().get("name"))
                .containsExactly("Zoë", "Ștefan");
        Path big = write("be.csv", "id,name\n1,Zoë\n", StandardCharsets.UTF_16BE);
        assertThat(ExportCharset.detect(big)).isEqualTo(StandardCharsets.UTF_16BE);
    }
}
