package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.config.ConfigurationProblems;
import io.cutover.mapping.profile.ColumnProfile;
import io.cutover.mapping.profile.ExportProfiler;
import io.cutover.mapping.profile.ObjectProfile;
import io.cutover.mapping.profile.ProfileLimits;
import io.cutover.mapping.profile.ProfileReport;
import io.cutover.mapping.profile.ValueCheck;
import io.cutover.mapping.profile.ValueCount;
import io.cutover.schema.BuiltInDescribes;
import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import io.cutover.source.CsvSettings;
import io.cutover.source.ExportDescription;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profiles of the sample's account export (with its mapping) and of a Salesforce report export. */
class SampleExportProfileTest {

    private static final SObjectDescribe ACCOUNT = BuiltInDescribes.schema().find("Account").orElseThrow();

    @Test
    void theSampleAccountsAreProfiledAgainstTheFieldsTheMappingSendsThemTo() throws IOException {
        ObjectProfile accounts = MappingFiles.profile(new ExportProfiler(ProfileLimits.DEFAULTS), sampleAccounts(),
                ExportProfiler.targetsOf(accountMapping(), ACCOUNT));

        assertThat(accounts.records()).isEqualTo(50);
        assertThat(accounts.unreadableRows()).isEmpty();
        assertThat(accounts.duplicateLegacyIds()).isZero();
        assertThat(accounts.legacyIdsChecked()).isTrue();
        ColumnProfile industry = column(accounts, "industry");
        assertThat(industry.targetField()).isEqualTo("Industry");
        assertThat(industry.filled()).isEqualTo(50);
        assertThat(industry.fillRate()).isEqualTo(1.0);
        assertThat(industry.distinct()).isEqualTo(26);
        assertThat(industry.distinctCapped()).isFalse();
        assertThat(industry.topValues().get(0)).isEqualTo(new ValueCount("n/a", 15));
        ColumnProfile description = column(accounts, "description");
        assertThat(description.distinct()).as("'Sample description 93591' twice").isEqualTo(49);
        assertThat(description.shapes()).containsExactly(new ValueCount("Aa a 9", 50));
        ColumnProfile website = column(accounts, "website");
        assertThat(website.longestLength()).isEqualTo(74);
        assertThat(website.targetLength()).isEqualTo(255);
        assertThat(website.longerThanTarget()).isZero();
        assertThat(industry.targetLength()).isEqualTo(40);
        assertThat(industry.longestLength()).as("Biotechnology: Laboratory Analytical Instruments").isEqualTo(48);
        assertThat(industry.longerThanTarget()).isEqualTo(1);
        ColumnProfile phone = column(accounts, "phone");
        assertThat(phone.check()).isEqualTo(ValueCheck.PHONE);
        assertThat(phone.shapes()).containsExactly(new ValueCount("9(9)9-9", 50));
        assertThat(phone.invalidExamples()).extracting(ColumnProfile.LineValue::value)
                .contains("1(260)120-2439").doesNotContain("1(302)556-4395");
        assertThat(column(accounts, "account_id").targetField()).as("the legacy id is not a mapped column").isNull();
    }

    @Test
    void aReportExportsFillRatesDuplicateIdsAndValuesLongerThanTheTarget() throws IOException {
        FieldDescribe shortTitle = new FieldDescribe("Title", "string", 10, true, true, true, false, false, false,
                List.of(), false, List.of(), null, false, false);
        FieldDescribe email = new FieldDescribe("Email", "email", 80, true, true, true, false, false, false, List.of(),
                false, List.of(), null, false, true);
        Path file = Path.of("engine/src/test/resources/lwc-recipes/Accounts-Contacts.csv");
        ExportDescription asRead = new ExportDescription(Path.of("report.yaml"), "Contact", file, "Account: Account Name",
                CsvSettings.DEFAULTS);
        ExportDescription padded = new ExportDescription(Path.of("report.yaml"), "Contact", file, "Account: Account Name",
                CsvSettings.DEFAULTS.with(CsvSettings.RaggedRows.PAD));

        ObjectProfile rejected = MappingFiles.profile(new ExportProfiler(ProfileLimits.DEFAULTS), asRead, Map.of());
        ObjectProfile profile = MappingFiles.profile(new ExportProfiler(ProfileLimits.DEFAULTS), padded,
                Map.of("Contact: Title", shortTitle, "Contact: Email", email));

        assertThat(rejected.records()).isEqualTo(6);
        assertThat(rejected.unreadableRows()).as("the accounts without contacts end after their phone")
                .isEqualTo(Map.of("RAGGED_ROW", 8L));

        assertThat(profile.records()).isEqualTo(14);
        assertThat(profile.charset()).isEqualTo("UTF-8");
        assertThat(profile.duplicateLegacyIds()).as("Alpha Dynamics and Madison Investments, three rows each").isEqualTo(4);
        assertThat(profile.duplicateExamples()).extracting(ColumnProfile.LineValue::line).containsExactly(3L, 4L, 6L, 7L);
        ColumnProfile title = column(profile, "Contact: Title");
        assertThat(title.filled()).isEqualTo(6);
        assertThat(title.fillRate()).isEqualTo(6 / 14.0);
        assertThat(title.longestLength()).isEqualTo(17);
        assertThat(title.longestLine()).isEqualTo(2);
        assertThat(title.longerThanTarget()).as("every title but CEO").isEqualTo(5);
        ColumnProfile emails = column(profile, "Contact: Email");
        assertThat(emails.check()).isEqualTo(ValueCheck.EMAIL);
        assertThat(emails.invalid()).isZero();
        assertThat(emails.shapes()).containsExactly(new ValueCount("a@a.a", 6));
        assertThat(column(profile, "Account: Type").topValues()).containsExactly(
                new ValueCount("Customer - Direct", 11), new ValueCount("Technology Partner", 3));
    }

    @Test
    void aColumnWithMoreDistinctValuesThanTheCapSaysItsCountIsALowerBound() throws IOException {
        ObjectProfile accounts = MappingFiles.profile(new ExportProfiler(new ProfileLimits(10, 1_000, 3, 2, "US")), sampleAccounts(), Map.of());

        ColumnProfile name = column(accounts, "name");
        assertThat(name.distinct()).isEqualTo(10);
        assertThat(name.distinctCapped()).isTrue();
        assertThat(column(accounts, "type").distinctCapped()).as("9 types").isFalse();
        assertThat(ProfileReport.markdown(List.of(accounts))).contains("| name | not mapped | 50 (100.0%) | more than 10 | ");
    }

    @Test
    void theReportsSayTheSameInJsonAndMarkdown() throws IOException {
        ObjectProfile accounts = MappingFiles.profile(new ExportProfiler(ProfileLimits.DEFAULTS), sampleAccounts(),
                ExportProfiler.targetsOf(accountMapping(), ACCOUNT));

        JsonNode json = new ObjectMapper().readTree(ProfileReport.json(List.of(accounts)));
        assertThat(json.get(0).get("records").asLong()).isEqualTo(50);
        assertThat(json.get(0).get("columns").get(6).get("column").asText()).isEqualTo("industry");
        assertThat(json.get(0).get("columns").get(6).get("topValues").get(0).get("count").asLong()).isEqualTo(15);
        String markdown = ProfileReport.markdown(List.of(accounts));
        assertThat(markdown).contains("## Account: accounts.csv (UTF-8, detected: no byte order mark, the whole file is valid UTF-8)\n\n50 records; unreadable rows: none. "
                + "Legacy id `account_id`: 0 missing, 0 duplicates.")
                .contains("| industry | Industry (picklist 40) | 50 (100.0%) | 26 | `n/a` ×15, ")
                .contains("| 48 (line 12), **1 longer than 40** |");
    }

    private static ColumnProfile column(ObjectProfile profile, String name) {
        return profile.columns().stream().filter(c -> c.column().equals(name)).findFirst().orElseThrow();
    }

    private static ExportDescription sampleAccounts() {
        return new ExportDescription(Path.of("sources/accounts.yaml"), "Account", Path.of("samples/apex-recipes/accounts.csv"),
                "account_id", CsvSettings.DEFAULTS);
    }

    private static ObjectMapping accountMapping() {
        ConfigurationProblems problems = new ConfigurationProblems("the mapping files");
        ObjectMapping mapping = new MappingFileReader(Path.of("mappings/account.yaml"), problems, MappingFiles.CAMEL).read();
        problems.throwIfAny();
        return mapping;
    }
}
