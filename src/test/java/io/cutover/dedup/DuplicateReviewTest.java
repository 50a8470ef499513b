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

/** Review mode on the sample export with two contacts entered twice: each pair listed as a cluster, none merged. */
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
        Path review = dataDir.resolve("runs").resolve(report.runId()).resolve("duplicates").resolve("Contact.csv");
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(review)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        Map<String, List<String>> clusters = rows.stream().collect(Collectors.groupingBy(row -> row.get("cluster"),
                Collectors.mapping(row -> row.get("legacy_id"), Collectors.toList())));
        assertThat(clusters.values()).containsExactlyInAnyOrder(List.of("ContactRef1", "ContactDup1"),
                List.of("ContactRef2", "ContactDup2"));
        assertThat(rows).allSatisfy(row -> assertThat(Double.parseDouble(row.get("weakest_link"))).isGreaterThanOrEqualTo(8));
        assertThat(rows).filteredOn(row -> row.get("legacy_id").equals("ContactDup1")).singleElement()
                .satisfies(row -> assertThat(row.get("matched_fields")).contains("Email"));
        assertThat(rows).filteredOn(row -> row.get("legacy_id").equals("ContactDup2")).singleElement()
                .satisfies(row -> assertThat(row.get("matched_fields")).contains("Phone"));
    }
}
