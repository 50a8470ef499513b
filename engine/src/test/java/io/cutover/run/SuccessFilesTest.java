package io.cutover.run;

import static io.cutover.run.ExportEdits.replaceInRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.RunReport;
import io.cutover.state.StateStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The success files, Data Loader's crosswalk: every record a run created or updated, with its target id. */
@QuarkusTest
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class SuccessFilesTest {

    @Inject
    MigrationLauncher launcher;
    @Inject
    @StateStore
    DataSource state;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    /**
     * One story, step by step (the first run, then a second): each step works on what the one before left in the target
     * and the ledger.
     */
    @Test
    void eachRunsSuccessFilesListWhatItCreatedOrUpdated() throws Exception {
        aFirstRunListsEveryCreatedRecordWithItsSourceColumnsAndTheTargetIdTheLedgerHas();
        aSecondRunListsOnlyWhatItChangedAsUpdated();
    }

    private void aFirstRunListsEveryCreatedRecordWithItsSourceColumnsAndTheTargetIdTheLedgerHas() throws Exception {
        RunReport report = launcher.runNow();

        Path file = success(report, "Account");
        List<String> expectedHeader = new ArrayList<>(header(SampleExport.exportDir.resolve("accounts.csv")));
        expectedHeader.addAll(List.of("ID", "STATUS"));
        assertThat(header(file)).isEqualTo(expectedHeader);
        List<CSVRecord> rows = read(file);
        assertThat(rows).hasSize((int) report.objects().get("Account").loaded()).hasSize(50);
        assertThat(rows).extracting(row -> row.get("STATUS")).containsOnly("created");
        Map<String, String> targetIds = targetIds("Account");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("ID")).isNotBlank().isEqualTo(targetIds.get(row.get("account_id"))));
        assertThat(rows.get(0).get("name")).isEqualTo("Zoonoodle 37");
        assertThat(read(success(report, "Contact"))).hasSize((int) report.objects().get("Contact").loaded());
    }

    private void aSecondRunListsOnlyWhatItChangedAsUpdated() throws Exception {
        replaceInRow("accounts.csv", "AccountRef1", "Zoonoodle 37,", "Zoonoodle Renamed,");

        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Account").updated()).isEqualTo(1);
        List<CSVRecord> rows = read(success(report, "Account"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("account_id")).isEqualTo("AccountRef1");
        assertThat(rows.get(0).get("name")).isEqualTo("Zoonoodle Renamed");
        assertThat(rows.get(0).get("STATUS")).isEqualTo("updated");
        assertThat(rows.get(0).get("ID")).isEqualTo(targetIds("Account").get("AccountRef1"));
        assertThat(success(report, "Contact")).doesNotExist();
    }

    private Path success(RunReport report, String object) {
        return dataDir.resolve("runs").resolve(report.runId()).resolve("success").resolve(object + ".csv");
    }

    private Map<String, String> targetIds(String object) throws Exception {
        Map<String, String> ids = new HashMap<>();
        try (Connection connection = state.getConnection();
                PreparedStatement select = connection.prepareStatement("select legacy_id, target_id from ledger where object_name = ?")) {
            select.setString(1, object);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.put(row.getString(1), row.getString(2));
                }
            }
        }
        return ids;
    }

    private static List<String> header(Path file) throws Exception {
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().get().parse(text)) {
            return csv.getHeaderNames();
        }
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().get().parse(text)) {
            return csv.getRecords();
        }
    }
}
