package io.cutover.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchRulesReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheShippedContactRules() {
        MatchRules rules = MatchRulesReader.load(Path.of("matching/contact.yaml"));

        assertThat(rules.object()).isEqualTo("Contact");
        assertThat(rules.threshold()).isPositive();
        assertThat(rules.maxBlockSize()).isEqualTo(1000);
        assertThat(rules.rules()).extracting(MatchRule::field)
                .contains("Email", "Phone", "FirstName", "LastName", "Birthdate", "MailingStreet", "MailingPostalCode");
        MatchRule firstName = rules.rules().stream().filter(rule -> rule.field().equals("FirstName")).findFirst().orElseThrow();
        assertThat(firstName).isEqualTo(new MatchRule("FirstName", "LastName", Normalisation.TEXT, null,
                Similarity.JARO_WINKLER, 0.85, 4, -3));
        assertThat(rules.blocking()).contains(
                new BlockingPass(List.of(new BlockingPass.KeyPart("Email", BlockingPass.Function.VALUE)), false),
                new BlockingPass(List.of(new BlockingPass.KeyPart("LastName", BlockingPass.Function.SOUNDEX),
                        new BlockingPass.KeyPart("MailingPostalCode", BlockingPass.Function.VALUE)), false),
                new BlockingPass(List.of(new BlockingPass.KeyPart("FirstName", BlockingPass.Function.VALUE),
                        new BlockingPass.KeyPart("LastName", BlockingPass.Function.VALUE)), true));
    }

    @Test
    void anExactRuleNeedsNoSimilarityAndDisagreesForNothingByDefault() throws IOException {
        MatchRules rules = MatchRulesReader.load(file("""
                object: Account
                threshold: 5
                rules:
                  - {field: Name, normalise: company, compare: tokens, agree: 6}
                  - {field: Phone, normalise: phone, region: FR, agree: 8}
                blocking:
                  - [Phone]
                """));

        assertThat(rules.rules()).containsExactly(
                new MatchRule("Name", null, Normalisation.COMPANY, null, Similarity.TOKENS, 0.85, 6, 0),
                new MatchRule("Phone", null, Normalisation.PHONE, "FR", Similarity.EXACT, 1, 8, 0));
    }

    @Test
    void aMergeRuleNamesTheScoreAboveWhichClustersMergeAndHowTheSurvivorIsChosen() throws IOException {
        assertThat(MatchRulesReader.load(Path.of("matching/account.yaml")).merge())
                .contains(new MergeRule(11, MergeRule.Survivor.MOST_COMPLETE));
        String rules = """
                object: Account
                threshold: 8
                rules:
                  - {field: Phone, normalise: phone, agree: 8}
                blocking:
                  - [Phone]
                """;
        assertThat(MatchRulesReader.load(file(rules + "merge: {above: 9, survivor: first}\n")).merge())
                .contains(new MergeRule(9, MergeRule.Survivor.FIRST));
        assertThat(MatchRulesReader.load(file(rules)).merge()).isEmpty();
        assertThatThrownBy(() -> MatchRulesReader.load(file(rules + "merge: {above: 6, survivor: newest, when: always}\n")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("merge.when: unknown key")
                .hasMessageContaining("merge.survivor: expected one of most-complete, first, most-recent, source-priority, "
                        + "found newest");
        assertThatThrownBy(() -> MatchRulesReader.load(file(rules + "merge: {above: 6}\n")))
                .hasMessageContaining("merge.above: 6.0 is below the threshold 8.0");
    }

    @Test
    void survivorshipByRecencyOrSourceAndFieldRules() throws IOException {
        String rules = """
                object: Account
                threshold: 8
                rules:
                  - {field: Phone, normalise: phone, agree: 8}
                blocking:
                  - [Phone]
                """;
        assertThat(MatchRulesReader.load(file(rules + """
                merge:
                  above: 9
                  survivor: most-recent
                  changedAt: [updated_at, modifie_le]
                  sources: [fr, ro]
                  fields: {Phone: prefer-newest, Industry: {prefer-source: [ro]}, Name: prefer-source, Description: fill-empty}
                """)).merge()).contains(new MergeRule(9, MergeRule.Survivor.MOST_RECENT, List.of("updated_at", "modifie_le"),
                        List.of("fr", "ro"), Map.of(
                                "Phone", new MergeRule.FieldMerge(MergeRule.FieldMerge.Rule.PREFER_NEWEST, List.of()),
                                "Industry", new MergeRule.FieldMerge(MergeRule.FieldMerge.Rule.PREFER_SOURCE, List.of("ro")),
                                "Name", new MergeRule.FieldMerge(MergeRule.FieldMerge.Rule.PREFER_SOURCE, List.of()),
                                "Description", new MergeRule.FieldMerge(MergeRule.FieldMerge.Rule.FILL_EMPTY, List.of()))));
        assertThatThrownBy(() -> MatchRulesReader.load(file(rules + "merge: {above: 9, survivor: source-priority}\n")))
                .hasMessageContaining("merge.sources: expected the source names, the most trusted first");
        assertThatThrownBy(() -> MatchRulesReader.load(file(rules
                + "merge: {above: 9, fields: {Phone: newest, Name: prefer-source}}\n")))
                .hasMessageContaining("merge.fields.Phone: expected one of fill-empty, prefer-newest, prefer-source, found newest");
        assertThatThrownBy(() -> MatchRulesReader.load(file(rules + "merge: {above: 9, fields: {Name: prefer-source}}\n")))
                .hasMessageContaining("merge.fields: prefer-source needs source names");
    }

    @Test
    void theFieldsLookedUpInTheTargetAreFieldsTheRulesCompare() throws IOException {
        String rules = """
                object: Account
                threshold: 8
                rules:
                  - {field: Phone, normalise: phone, agree: 8}
                  - {field: Website, agree: 5}
                blocking:
                  - [Phone]
                """;
        assertThat(MatchRulesReader.load(file(rules)).lookupInTarget()).as("the target not searched").isEmpty();
        assertThat(MatchRulesReader.load(file(rules + "lookupInTarget: [Phone, Website]\n")).lookupInTarget())
                .containsExactly("Phone", "Website");
        assertThatThrownBy(() -> MatchRulesReader.load(file(rules + "lookupInTarget: [Phone, Fax]\n")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("lookupInTarget: Fax is not a field the rules compare");
        assertThatThrownBy(() -> MatchRulesReader.load(file(rules + "lookupInTarget: Phone\n")))
                .hasMessageContaining("lookupInTarget: expected a list of fields the rules compare");
    }

    @Test
    void namesEveryProblemOfAFile() throws IOException {
        Path file = file("""
                object: Contact
                treshold: 8
                rules:
                  - {field: Email, compare: soundalike, agree: 8}
                  - {field: LastName, compare: jaro-winkler, similarAbove: 1.5, agree: 4}
                  - {field: FirstName}
                  - {field: Phone, normalise: phone, region: France, agree: 8}
                blocking:
                  - [metaphone(LastName)]
                """);

        assertThatThrownBy(() -> MatchRulesReader.load(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("treshold: unknown key")
                .hasMessageContaining("threshold: expected a number")
                .hasMessageContaining("rules[0].compare: expected one of exact, jaro-winkler, levenshtein, tokens, found soundalike")
                .hasMessageContaining("rules[1].similarAbove: expected a similarity above 0 and up to 1, found 1.5")
                .hasMessageContaining("rules[2].agree: expected a number")
                .hasMessageContaining("rules[3].region: expected an ISO 3166 region code such as FR or GB, found France")
                .hasMessageContaining("blocking[0]: 'metaphone(LastName)' is neither Field nor soundex(Field)");
    }

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("rules.yaml"), yaml);
    }
}
