package io.cutover.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The shipped contact rules on Splink's fake_1000 (1,000 persons with typos, swapped names, missing values, shifted
 * birth dates; MIT licence, see src/test/resources/splink): the clusters found against the known duplicate pairs.
 */
class DefaultContactRulesQualityTest {

    private static final Path DATA = Path.of("engine/src/test/resources/splink");

    @Test
    void theDefaultRulesFindSplinksDuplicatesWithAnF1OfAtLeast95Percent() throws IOException {
        DuplicateFinder finder = new DuplicateFinder(MatchRulesReader.load(Path.of("matching/contact.yaml")));
        Map<String, Integer> positions = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(DATA.resolve("fake_1000.csv"), StandardCharsets.UTF_8);
                CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                        .parse(reader)) {
            for (CSVRecord row : rows) {
                positions.put(row.get("unique_id"), positions.size());
                finder.add(row.get("unique_id"), Map.of("FirstName", row.get("first_name"), "LastName", row.get("surname"),
                        "Birthdate", row.get("dob"), "MailingCity", row.get("city"), "Email", row.get("email")));
            }
        }
        List<String[]> truePairs;
        try (var lines = Files.lines(DATA.resolve("fake_1000_true_pairs.csv"))) {
            truePairs = lines.skip(1).map(line -> line.split(",")).toList();
        }

        Matches matches = finder.find();
        MatchQuality quality = MatchQuality.ofClusters(matches.clusters(), MatchQuality.Truth.ofPairs(truePairs, positions));

        assertThat(quality.truePairs()).isEqualTo(2975);
        assertThat(quality.f1()).as("F1 (precision %.4f, recall %.4f)", quality.precision(), quality.recall())
                .isGreaterThanOrEqualTo(0.95);
    }
}
