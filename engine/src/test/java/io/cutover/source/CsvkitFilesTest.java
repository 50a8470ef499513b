package io.cutover.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of csvkit's collection of messy CSV (src/test/resources/messy-csv, MIT, see LICENSE-csvkit-MIT.txt) read
 * with the default settings: each is either read with the values as written, or rejected row by row with file, line
 * and reason, and the rows after a reject are still read.
 */
class CsvkitFilesTest {

    static final Path DIR = Path.of("engine/src/test/resources/messy-csv");

    static List<SourceRecord> read(String file, CsvSettings settings, String legacyId) throws IOException {
        return read(DIR.resolve(file), settings, legacyId);
    }

    static List<SourceRecord> read(Path file, CsvSettings settings, String legacyId) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        try (CsvExportReader reader = reader(file, settings, legacyId)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    static CsvExportReader reader(Path file, CsvSettings settings, String legacyId) throws IOException {
        return new CsvExportReader(new ExportDescription(Path.of("sources/test.yaml"), "Contact", file, legacyId, settings));
    }

    static List<SourceRecord> read(String file) throws IOException {
        return read(file, CsvSettings.DEFAULTS, "a");
    }

    @Test
    void everyFileOfTheCollectionIsCoveredHere() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".csv")))
                    .containsExactlyInAnyOrder("FY09_EDU_Recipients_by_State.csv", "bad.csv", "blanks.csv",
                            "ks_1033_data.csv", "mac_newlines.csv", "null_byte.csv", "test_date_format.csv",
                            "test_empty_columns_short_row.csv", "test_header_newline.csv", "test_latin1.csv",
                            "test_locale.csv", "test_no_leading_zeroes.csv", "test_utf16_big.csv",
                            "test_utf16_little.csv", "test_utf8_bom.csv");
        }
    }

    @Test
    void governmentFileWithThousandsSeparatorsAndATrailingEmptyColumn() throws IOException {
        List<SourceRecord> records = read("FY09_EDU_Recipients_by_State.csv", CsvSettings.DEFAULTS, "State Name");
        assertThat(records).hasSize(53).allMatch(SourceRecord::readable);
        SourceRecord alabama = records.get(0);
        assertThat(alabama.legacyId()).isEqualTo("ALABAMA");
        assertThat(alabama.values()).containsEntry("Code", "01").containsEntry("Montgomery GI Bill-Active Duty", "6,718")
                .containsEntry("TOTAL", "12,426").containsEntry("", "");
        assertThat(alabama.sourceRef()).isEqualTo("FY09_EDU_Recipients_by_State.csv line 2 (record 1)");
        SourceRecord last = records.get(52);
        assertThat(last.line()).isEqualTo(54);
        assertThat(last.legacyId()).isNull();
    }

    @Test
    void largeGovernmentFileWithoutFinalNewline() throws IOException {
        List<SourceRecord> records = read("ks_1033_data.csv", CsvSettings.DEFAULTS, "nsn");
        assertThat(records).hasSize(1575).allMatch(SourceRecord::readable);
        assertThat(records.get(0).values()).containsEntry("item_name", "RIFLE,5.56 MILLIMETER")
                .containsEntry("ship_date", "5/19/2006 0:00:00").containsEntry("acquisition_cost", "499");
        SourceRecord last = records.get(1574);
        assertThat(last.line()).isEqualTo(1576);
        assertThat(last.values()).containsEntry("acquisition_cost", "90.28")
                .containsEntry("federal_supply_category_name", "CLOTHING/INDIVIDUAL EQPT, INSIGNIA");
    }

    @Test
    void raggedRowsAreRejectedWithTheirLineAndTheOthersRead() throws IOException {
        List<SourceRecord> records = read("bad.csv", CsvSettings.DEFAULTS, "column_a");
        assertThat(records).extracting(SourceRecord::line, SourceRecord::recordNumber, SourceRecord::rejectCode).containsExactly(
                tuple(2L, 1L, "RAGGED_ROW"), tuple(3L, 2L, "RAGGED_ROW"), tuple(4L, 3L, null));
        assertThat(records.get(0).rejectMessage()).isEqualTo("bad.csv line 2 (record 1): has 4 values, the header has 3 columns");
        assertThat(records.get(1).rejectMessage()).isEqualTo("bad.csv line 3 (record 2): has 2 values, the header has 3 columns");
        assertThat(records.get(2).values()).containsExactly(java.util.Map.entry("column_a", "0"),
                java.util.Map.entry("column_b", "mixed types.... uh oh"), java.util.Map.entry("column_c", "17"));
    }

    @Test
    void padFillsShortRowsButStillRejectsLongOnes() throws IOException {
        List<SourceRecord> records = read("bad.csv", CsvSettings.DEFAULTS.with(CsvSettings.RaggedRows.PAD), "column_a");
        assertThat(records).extracting(SourceRecord::rejectCode).containsExactly("RAGGED_ROW", null, null);
        assertThat(records.get(1).values()).containsEntry("column_a", "").containsEntry("column_b", "I'm too short!")
                .containsEntry("column_c", "");
        List<SourceRecord> shortRow = read("test_empty_columns_short_row.csv", CsvSettings.DEFAULTS.with(CsvSettings.RaggedRows.PAD), "a");
        assertThat(shortRow).singleElement().satisfies(r -> assertThat(r.values()).containsOnlyKeys("a", "b", "c")
                .allSatisfy((k, v) -> assertThat(v).isEmpty()));
    }

    @Test
    void shortRowOfEmptyColumnsIsRejectedByDefault() throws IOException {
        assertThat(read("test_empty_columns_short_row.csv")).singleElement().satisfies(r -> {
            assertThat(r.rejectCode()).isEqualTo("RAGGED_ROW");
            assertThat(r.line()).isEqualTo(2);
        });
    }

    @Test
    void nullMarkersAreReadAsWritten() throws IOException {
        assertThat(read("blanks.csv")).singleElement().satisfies(r -> assertThat(r.values())
                .containsExactly(java.util.Map.entry("a", ""), java.util.Map.entry("b", "NA"), java.util.Map.entry("c", "N/A"),
                        java.util.Map.entry("d", "NONE"), java.util.Map.entry("e", "NULL"), java.util.Map.entry("f", ".")));
    }

    @Test
    void carriageReturnOnlyLineEndingsKeepLinesAndTheReturnInsideAQuotedValue() throws IOException {
        List<SourceRecord> records = read("mac_newlines.csv");
        assertThat(records).extracting(SourceRecord::line, r -> r.values().get("a"), r -> r.values().get("c"))
                .containsExactly(tuple(2L, "1", "3"), tuple(3L, "Once upon\ra time", "6"));
    }

    @Test
    void aNullByteRejectsItsRow() throws IOException {
        assertThat(read("null_byte.csv")).singleElement().satisfies(r -> {
            assertThat(r.rejectCode()).isEqualTo("NULL_BYTE");
            assertThat(r.rejectMessage()).isEqualTo("null_byte.csv line 2 (record 1): column 'a' holds a null byte from its character 1");
        });
    }

    @Test
    void datesAndNumbersAreReadAsWritten() throws IOException {
        assertThat(read("test_date_format.csv")).extracting(SourceRecord::line, r -> r.values().get("a"))
                .containsExactly(tuple(2L, "02/01/2014"), tuple(3L, "31/12/2012"));
        assertThat(read("test_locale.csv")).singleElement().satisfies(r -> assertThat(r.values())
                .containsEntry("a", "1,7").containsEntry("b", "200.000.000").containsEntry("c", ""));
        assertThat(read("test_no_leading_zeroes.csv")).singleElement().satisfies(r -> assertThat(r.values())
                .containsEntry("a", "01").containsEntry("b", "00.11").containsEntry("c", "0.1"));
    }

    @Test
    void aHeaderWithNewlinesInsideItsQuotesCountsThemAsLines() throws IOException {
        try (CsvExportReader reader = reader(DIR.resolve("test_header_newline.csv"), CsvSettings.DEFAULTS, "b")) {
            assertThat(reader.header()).containsExactly("\t\n\u000b\f\r start \t\n\u000b\f\r end \t\n\u000b\f\r", "b", "c");
            SourceRecord record = reader.next();
            assertThat(record.values()).containsValues("d", "e", "f");
            assertThat(record.line()).isEqualTo(8);
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void latin1IsDetectedAsWindows1252() throws IOException {
        try (CsvExportReader reader = reader(DIR.resolve("test_latin1.csv"), CsvSettings.DEFAULTS, "a")) {
            assertThat(reader.charset().name()).isEqualTo("windows-1252");
        }
        assertThat(read("test_latin1.csv")).extracting(SourceRecord::line, r -> r.values().get("c"))
                .containsExactly(tuple(2L, "3"), tuple(3L, "\u00a9"));
    }

    @Test
    void latin1ReadAsConfiguredUtf8RejectsTheRowWithTheUndecodableByte() throws IOException {
        List<SourceRecord> records = read("test_latin1.csv", CsvSettings.DEFAULTS.withCharset(StandardCharsets.UTF_8), "a");
        assertThat(records).extracting(SourceRecord::rejectCode).containsExactly(null, "UNDECODABLE_BYTES");
        assertThat(records.get(1).rejectMessage())
                .isEqualTo("test_latin1.csv line 3 (record 2): column 'c' holds bytes that are not valid UTF-8 from its character 1 (shown as U+FFFD)");
    }

    @Test
    void replacePolicyReadsTheRowWithTheReplacementCharacter() throws IOException {
        List<SourceRecord> records = read("test_latin1.csv", CsvSettings.DEFAULTS.withCharset(StandardCharsets.UTF_8)
                .with(CsvSettings.Undecodable.REPLACE), "a");
        assertThat(records).allMatch(SourceRecord::readable);
        assertThat(records.get(1).values()).containsEntry("c", "\ufffd");
        assertThat(records.get(0).warnings()).isEmpty();
        assertThat(records.get(1).warnings()).containsExactly("test_latin1.csv line 3 (record 2): column 'c': 1 "
                + "undecodable byte sequence (not valid UTF-8) replaced by U+FFFD (undecodable: replace)");
    }

    @Test
    void utf16WithEitherByteOrderMark() throws IOException {
        for (String file : List.of("test_utf16_big.csv", "test_utf16_little.csv")) {
            try (CsvExportReader reader = reader(DIR.resolve(file), CsvSettings.DEFAULTS, "a")) {
                assertThat(reader.header()).as(file).containsExactly("a", "b", "c");
                List<SourceRecord> records = new ArrayList<>();
                reader.forEachRemaining(records::add);
                assertThat(records).as(file).extracting(SourceRecord::line, r -> r.values().get("a"), r -> r.values().get("c"))
                        .containsExactly(tuple(2L, "1", "3"), tuple(3L, "4", "\u02a4"));
            }
        }
    }

    @Test
    void utf8ByteOrderMarkIsStrippedFromTheFirstColumnName() throws IOException {
        try (CsvExportReader reader = reader(DIR.resolve("test_utf8_bom.csv"), CsvSettings.DEFAULTS, "foo")) {
            assertThat(reader.header()).containsExactly("foo", "bar", "baz");
            assertThat(reader.next().legacyId()).isEqualTo("1");
            assertThat(reader.next().values()).containsEntry("foo", "4").containsEntry("baz", "\u02a4");
        }
    }
}
