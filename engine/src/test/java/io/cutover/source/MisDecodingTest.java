package io.cutover.source;

import static io.cutover.source.CsvkitFilesTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values that decode without an error but wrongly are never loaded without a warning (issue 11, item 7). */
class MisDecodingTest {

    @TempDir
    Path dir;

    /** A windows-1252 export that a later tool appended UTF-8 rows to: the sample is not UTF-8, so windows-1252. */
    private Path mixedFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,name,city\n1,Hélène,Besançon\n".getBytes(ExportCharset.WINDOWS_1252));
        bytes.writeBytes("2,Zoë,Tromsø\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("3,Anna,Oslo\n".getBytes(StandardCharsets.UTF_8));
        return Files.write(dir.resolve("mixed.csv"), bytes.toByteArray());
    }

    @Test
    void utf8RowsInAFileDetectedAsWindows1252AreDecodedAsUtf8WithAWarning() throws IOException {
        Path file = mixedFile();
        assertThat(ExportCharset.detectWithReason(file)).isEqualTo(new ExportCharset.Detection(ExportCharset.WINDOWS_1252,
                "detected: no byte order mark, the whole file is not valid UTF-8; windows-1252, the fallback"));

        List<SourceRecord> records = read(file, CsvSettings.DEFAULTS, "id");

        assertThat(records).extracting(r -> r.values().get("name")).containsExactly("Hélène", "Zoë", "Anna");
        assertThat(records.get(1).values()).containsEntry("city", "Tromsø");
        assertThat(records.get(0).warnings()).isEmpty();
        assertThat(records.get(2).warnings()).isEmpty();
        assertThat(records.get(1).warnings()).containsExactly(
                "mixed.csv line 3 (record 2): column 'name' holds UTF-8 in a file detected as windows-1252: decoded as "
                        + "UTF-8 ('ZoÃ«' as windows-1252)",
                "mixed.csv line 3 (record 2): column 'city' holds UTF-8 in a file detected as windows-1252: decoded as "
                        + "UTF-8 ('TromsÃ¸' as windows-1252)");
    }

    @Test
    void aCharsetTheDescriptionNamesIsKeptButItsSuspectValuesAreFlagged() throws IOException {
        List<SourceRecord> records = read(mixedFile(), CsvSettings.DEFAULTS.withCharset(ExportCharset.WINDOWS_1252), "id");

        assertThat(records.get(1).values()).containsEntry("name", "ZoÃ«");
        assertThat(records.get(1).warnings()).first().asString()
                .endsWith("column 'name' looks like UTF-8 read as windows-1252 (charset: in the source description): "
                        + "'ZoÃ«' would read 'Zoë' as UTF-8");
    }

    @Test
    void theReaderSaysWhyItReadsInItsCharset() throws IOException {
        Path utf16 = Files.write(dir.resolve("utf16.csv"), "id,name\n1,Zoë\n".getBytes(StandardCharsets.UTF_16LE));
        try (CsvExportReader reader = new CsvExportReader(new ExportDescription(dir.resolve("d.yaml"), "Contact", utf16,
                "id", CsvSettings.DEFAULTS))) {
            assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_16LE);
            assertThat(reader.charsetReason())
                    .isEqualTo("detected: no byte order mark, a zero byte in every other place (odd places)");
        }
        try (CsvExportReader reader = new CsvExportReader(new ExportDescription(dir.resolve("d.yaml"), "Contact", utf16,
                "id", CsvSettings.DEFAULTS.withCharset(StandardCharsets.UTF_16LE)))) {
            assertThat(reader.charsetReason()).isEqualTo("named in the source description");
        }
    }

    @Test
    void aBig5ExportReadAsWindows1252IsFlaggedOnEveryGarbledValue() throws IOException {
        Charset big5 = Charset.forName("Big5");
        Path file = Files.write(dir.resolve("big5.csv"), "id,name,city\n1,陳大文,高雄\n2,Anna,Oslo\n3,Zoë « Ø »,Besançon\n"
                .getBytes(big5));

        List<SourceRecord> records = read(file, CsvSettings.DEFAULTS.withCharset(ExportCharset.WINDOWS_1252), "id");

        assertThat(records).allMatch(SourceRecord::readable);
        assertThat(records.get(0).warnings()).hasSize(2).allSatisfy(warning -> assertThat(warning)
                .contains("looks like text of another charset (e.g. Big5, Shift_JIS) read as windows-1252"));
        assertThat(records.get(1).warnings()).isEmpty();
        assertThat(records.get(2).warnings()).as("Western text, not flagged").isEmpty();
    }

    @Test
    void mojibakeInAUtf8FileIsFlaggedOnTheRecord() throws IOException {
        Path file = Files.writeString(dir.resolve("twice.csv"), "id,name,note\n1,RenÃ©e,Itâ€™s fine\n2,Renée,It’s fine\n",
                StandardCharsets.UTF_8);

        List<SourceRecord> records = read(file, CsvSettings.DEFAULTS, "id");

        assertThat(records).allMatch(SourceRecord::readable);
        assertThat(records.get(0).values()).containsEntry("name", "RenÃ©e");
        assertThat(records.get(0).warnings()).containsExactly(
                "twice.csv line 2 (record 1): column 'name' holds text that looks mis-decoded (mojibake such as 'Ã©' or "
                        + "'â€™'): 'RenÃ©e'",
                "twice.csv line 2 (record 1): column 'note' holds text that looks mis-decoded (mojibake such as 'Ã©' or "
                        + "'â€™'): 'Itâ€™s fine'");
        assertThat(records.get(1).warnings()).isEmpty();
    }
}
