package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.config.ConfigurationProblems;
import io.cutover.mapping.transform.Rejection;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The sample's account mapping against the sample export and the real Account describe. */
class SampleAccountMappingTest {

    @Test
    void everyLegacyIndustryBecomesAValueOfSalesforcesIndustryPicklist() throws IOException, Rejection {
        FieldRule.Column industry = (FieldRule.Column) accountMapping().fields().get("Industry");
        List<String> picklist = new ArrayList<>();
        JsonNode describe = new ObjectMapper().readTree(Path.of("salesforce-schema/src/main/resources/schema/describe/Account.json").toFile());
        for (JsonNode field : describe.get("fields")) {
            if (field.get("name").asText().equals("Industry")) {
                field.get("picklistValues").forEach(value -> picklist.add(value.get("value").asText()));
            }
        }
        int mapped = 0;
        for (CSVRecord row : sampleAccounts()) {
            String value = industry.transforms().apply(row.get("industry"), row.toMap());
            if (!row.get("industry").equals("n/a")) {
                assertThat(picklist).as(row.get("industry")).contains(value);
                mapped++;
            } else {
                assertThat(value).isEmpty();
            }
        }
        assertThat(mapped).as("the sample's accounts with an industry (15 of 50 say n/a)").isEqualTo(35);
    }

    @Test
    void theSamplesUsPhonesBecomeE164AndTheInvalidOnesStayAsTheyCame() throws IOException, Rejection {
        FieldRule.Column phone = (FieldRule.Column) accountMapping().fields().get("Phone");
        Map<String, String> unitedStates = Map.of("billingcountry", "United States");
        assertThat(phone.transforms().apply("1(302)556-4395", unitedStates)).isEqualTo("+13025564395");
        assertThat(phone.transforms().apply("1(260)120-2439", unitedStates)).isEqualTo("1(260)120-2439");
    }

    private static ObjectMapping accountMapping() {
        ConfigurationProblems problems = new ConfigurationProblems("the mapping files");
        ObjectMapping mapping = new MappingFileReader(Path.of("mappings/account.yaml"), problems, MappingFiles.CAMEL).read();
        problems.throwIfAny();
        return mapping;
    }

    private static List<CSVRecord> sampleAccounts() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("samples/apex-recipes/accounts.csv"));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }
}
