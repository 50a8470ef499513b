package io.cutover.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.report.RunReport;
import io.cutover.run.MigrationLauncher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Review mode on the sample export with two contacts and an account entered twice: each pair listed as a cluster, none
 * merged.
 */
@QuarkusTest
@QuarkusTestResource(value = PlantedDuplicatesExport.class, restrictToAnnotatedClass = true)
class DuplicateReviewTest {

    @Inject
    MigrationLauncher launcher;
    @ConfigProperty(name = "cutover.data-dir")
    Path dataDir;

    @Test
    void theContactsEnteredTwiceAreListedForReviewAndEveryRecordStillLoads() throws IOException {
        RunReport report = launcher.runNow();

        assertThat(report.objects().get("Contact").loaded()).as("review mode merges nothing").isEqualTo(152);
        assertThat(report.objects().get("Account").loaded()).isEqualTo(51);
        List<CSVRecord> rows = review(report, "Contact");
        assertThat(clusters(rows)).containsExactlyInAnyOrder(List.of("ContactRef1", "ContactDup1"),
                List.of("ContactRef2", "ContactDup2"));
        List<CSVRecord> accounts = review(report, "Account");
        assertThat(clusters(accounts)).containsExactly(List.of("AccountRef1", "AccountDup1"));
        assertThat(accounts.get(0).get("matched_fields")).contains("Name", "Phone");
        assertThat(rows).allSatisfy(row -> assertThat(Double.parseDouble(row.get("weakest_link"))).isGreaterThanOrEqualTo(8));
        assertThat(rows).filteredOn(row -> row.get("legacy_id").equals("ContactDup1")).singleElement()
                .satisfies(row -> assertThat(row.get("matched_fields")).contains("Email"));
        assertThat(rows).filteredOn(row -> row.get("legacy_id").equals("ContactDup2")).singleElement()
                .satisfies(row -> assertThat(row.get("matched_fields")).contains("Phone"));
    }

    private List<CSVRecord> review(RunReport report, String object) throws IOException {
        Path file = dataDir.resolve("runs").resolve(report.runId()).resolve("duplicates").resolve(object + ".csv");
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static java.util.Collection<List<String>> clusters(List<CSVRecord> rows) {
        return rows.stream().collect(Collectors.groupingBy(row -> row.get("cluster"),
                Collectors.mapping(row -> row.get("legacy_id"), Collectors.toList()))).values();
    }
}
