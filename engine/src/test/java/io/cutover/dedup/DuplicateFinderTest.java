package io.cutover.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateFinderTest {

    private static final String RULES = """
            object: Contact
            threshold: 8
            rules:
              - {field: Email, normalise: email, agree: 8, disagree: -2}
              - {field: FirstName, swappedWith: LastName, compare: jaro-winkler, agree: 4, disagree: -3}
              - {field: LastName, swappedWith: FirstName, compare: jaro-winkler, agree: 5, disagree: -3}
              - {field: MailingPostalCode, agree: 2, disagree: -1}
            blocking:
              - [Email]
              - [soundex(LastName), MailingPostalCode]
            """;

    @TempDir
    Path dir;

    @Test
    void findsDuplicatesWithTheirScoreAndTheFieldsThatMatched() throws IOException {
        DuplicateFinder finder = finder(RULES);
        finder.add("c1", contact("Jane", "Doe", "jane.doe@example.com", "75001"));
        finder.add("c2", contact("Jane", "Smith", "other@example.com", "13001"));
        finder.add("c3", contact("Jayne", "Doe", "JANE.DOE@example.com", "75001"));

        Matches matches = finder.find();

        assertThat(matches.pairs()).hasSize(1);
        ScoredPair pair = matches.pairs().get(0);
        assertThat(pair.firstId()).isEqualTo("c1");
        assertThat(pair.secondId()).isEqualTo("c3");
        assertThat(pair.score()).isGreaterThan(8 + 5 + 2);
        assertThat(pair.matchedFields()).containsExactly("Email", "FirstName", "LastName", "MailingPostalCode");
    }

    @Test
    void aPairSharingNoBlockIsNotCompared() throws IOException {
        DuplicateFinder finder = finder(RULES);
        // alike in every field the rules score, but the e-mails differ and the postcodes too: no block in common
        finder.add("c1", contact("Jane", "Doe", "jane.doe@example.com", "75001"));
        finder.add("c2", contact("Jane", "Doe", "jdoe@example.org", "75002"));

        Matches matches = finder.find();

        assertThat(matches.comparisons()).isZero();
        assertThat(matches.pairs()).isEmpty();
    }

    @Test
    void aPairSharingSeveralBlocksIsComparedOnce() throws IOException {
        DuplicateFinder finder = finder(RULES);
        finder.add("c1", contact("Jane", "Doe", "jane.doe@example.com", "75001"));
        finder.add("c2", contact("Jane", "Doe", "jane.doe@example.com", "75001"));

        Matches matches = finder.find();

        assertThat(matches.comparisons()).isEqualTo(1);
        assertThat(matches.pairs()).hasSize(1);
    }

    @Test
    void duplicatesOfDuplicatesAreOneClusterHeldByItsWeakestLink() throws IOException {
        DuplicateFinder finder = finder(RULES);
        finder.add("a", contact("Jane", "Doe", "jane.doe@example.com", "75001"));
        finder.add("b", contact("Jane", "Doe", "jane.doe@example.com", null));
        finder.add("other", contact("Paul", "Martin", "paul@example.com", "69001"));
        finder.add("c", contact("Jane", "Doe", null, "75001"));
        finder.add("d", contact("Jane", "Doe", "jane@work.example", "75001"));

        Matches matches = finder.find();

        assertThat(matches.clusters()).hasSize(1);
        DuplicateCluster cluster = matches.clusters().get(0);
        assertThat(cluster.ids()).containsExactly("a", "b", "c", "d");
        assertThat(cluster.records()).containsExactly(0, 1, 3, 4);
        assertThat(cluster.weakestLink()).isEqualTo(matches.pairs().stream().mapToDouble(ScoredPair::score).min().orElseThrow());
        assertThat(cluster.matchedFields()).contains("Email", "FirstName", "LastName", "MailingPostalCode");
    }

    @Test
    void namesInEachOthersColumnsMatchButOneSharedNameDoesNotCountTwice() throws IOException {
        // every pair of one postcode compared
        DuplicateFinder finder = finder(RULES.replace("threshold: 8", "threshold: 5") + "  - [MailingPostalCode]\n");
        finder.add("straight", contact("Noah", "Watson", null, "75001"));
        finder.add("swapped", contact("Watson", "Noah", null, "75001"));
        finder.add("thomas", contact("Anna", "Thomas", null, "75002"));
        finder.add("cross", contact("Thomas", "Cross", null, "75002"));

        Matches matches = finder.find();

        assertThat(matches.pairs()).extracting(ScoredPair::firstId, ScoredPair::secondId)
                .containsExactly(tuple("straight", "swapped"));
        assertThat(matches.pairs().get(0).score()).isEqualTo(4 + 5 + 2);
        // Thomas matches Thomas crossed, so Anna is compared with Cross: -3 + 5 + 2 is below 5
        assertThat(matches.comparisons()).isEqualTo(2);
    }

    @Test
    void aMissingValueNeitherAgreesNorDisagrees() throws IOException {
        DuplicateFinder finder = finder(RULES);
        finder.add("full", contact("Jane", "Doe", "jane.doe@example.com", "75001"));
        finder.add("no-email", contact("Jane", "Doe", null, "75001"));
        finder.add("other-email", contact("Jane", "Doe", "jd@example.org", "75001"));

        Matches matches = finder.find();

        assertThat(matches.pairs()).filteredOn(pair -> pair.secondId().equals("no-email")).singleElement()
                .extracting(ScoredPair::score).isEqualTo(4.0 + 5 + 2);
        assertThat(matches.pairs()).filteredOn(pair -> pair.firstId().equals("full") && pair.secondId().equals("other-email"))
                .singleElement().extracting(ScoredPair::score).isEqualTo(-2.0 + 4 + 5 + 2);
    }

    @Test
    void aBlockLargerThanTheLimitIsSkipped() throws IOException {
        DuplicateFinder finder = finder(RULES.replace("threshold: 8", "threshold: 8\nmaxBlockSize: 2"));
        for (int i = 0; i < 3; i++) {
            finder.add("c" + i, contact("Jane", "Doe", "shared@example.com", "7500" + i));
        }

        Matches matches = finder.find();

        assertThat(matches.skippedBlocks()).isEqualTo(1);
        assertThat(matches.comparisons()).isZero();
    }

    private DuplicateFinder finder(String rules) throws IOException {
        return new DuplicateFinder(MatchRulesReader.load(Files.writeString(dir.resolve("contact.yaml"), rules)));
    }

    private static Map<String, String> contact(String firstName, String lastName, String email, String postalCode) {
        Map<String, String> fields = new HashMap<>();
        fields.put("FirstName", firstName);
        fields.put("LastName", lastName);
        fields.put("Email", email);
        fields.put("MailingPostalCode", postalCode);
        return fields;
    }
}
