package io.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** What a run writes into a rejects file, a requeue run reads back as the record's source values. */
class RejectsFileFormatTest {

    @Test
    void aRejectedRowReadsBackAsItsSourceValues() throws IOException {
        List<String> columns = List.of("Id", "Name", "=Formula column", "Phone");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Id", "A-1");
        values.put("Name", "+Plus SA");
        values.put("=Formula column", "=1+1");
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, RejectsFileFormat.CSV)) {
            csv.printRecord(RejectsFileFormat.header(columns));
            csv.printRecord(RejectsFileFormat.row(columns, values, "Phone: required", "REQUIRED_FIELD_MISSING", "accounts.csv:2"));
        }

        try (CSVParser parsed = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(text.toString()))) {
            List<CSVRecord> rows = parsed.getRecords();
            assertThat(RejectsFileFormat.columns(parsed.getHeaderNames()))
                    .containsExactly("Id", "Name", "=Formula column", "Phone", "ERROR", "cutover_reason_code", "cutover_source");
            assertThat(rows.get(0).get(RejectsFileFormat.ERROR)).isEqualTo("Phone: required");
            assertThat(rows.get(0).get("Name")).as("escaped for spreadsheets in the file").isEqualTo("'+Plus SA");
            assertThat(RejectsFileFormat.sourceValues(rows.get(0).toMap()))
                    .containsExactly(Map.entry("Id", "A-1"), Map.entry("Name", "+Plus SA"), Map.entry("=Formula column", "=1+1"),
                            Map.entry("Phone", ""));
        }
    }

    @Test
    void aFileFixedBeforeTheErrorColumnWasRenamedRequeuesWithoutIt() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("Id", "A-1");
        row.put("cutover_error", "Phone: required");
        row.put("cutover_reason_code", "REQUIRED_FIELD_MISSING");

        assertThat(RejectsFileFormat.sourceValues(row)).containsExactly(Map.entry("Id", "A-1"));
    }

    @Test
    void theFileNameSaysTheObject() {
        assertThat(RejectsFileFormat.objectOf(Path.of("rejects", RejectsFileFormat.fileName("Contact")))).contains("Contact");
        assertThat(RejectsFileFormat.objectOf(Path.of("rejects", "Contact.csv.partial"))).isEmpty();
    }
}
