package io.cutover.enrich;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.mapping.RecordMapper;
import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.source.SourceRecord;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reason code the mapping stage (mapper, transforms, pre-flight, enricher) can give a record, each from a
 * real-world value in the owners example: every reject names the object, the legacy id, the source line, the field,
 * the value and the code. The codes are read from the stage's sources, so that a new code fails here until it has a
 * case.
 */
@QuarkusTest
@QuarkusTestResource(value = OwnersExport.class, restrictToAnnotatedClass = true)
class MappingRejectsTest {

    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z_]{4,})\"");
    private static final Set<String> WALKED_IN_THE_WHOLE_CRM_SAMPLE = Set.of("UNKNOWN_PARENT_TYPE", "AMBIGUOUS_PARENT");

    @Inject
    RecordMapper mapper;
    @Inject
    Enricher enricher;

    private int line = 41;

    /** A change to a valid row, the field the record is rejected on, the value the message shows, and why. */
    private record Case(String object, String column, String value, String code, String field, String shown) {}

    @Test
    void everyRejectNamesObjectLegacyIdLineFieldValueAndCode() throws IOException {
        List<Case> cases = List.of(
                new Case("Contact", "contact_id", "", "MISSING_LEGACY_ID", "Legacy_Id__c", "(empty)"),
                new Case("Contact", "account_id", "ACC-404", "PARENT_NOT_LOADED", "AccountId", "'ACC-404'"),
                new Case("Contact", "phone", "01 23 45", "INVALID_PHONE", "Phone", "'01 23 45'"),
                new Case("Contact", "email", "ana.popescu@@example.ro", "INVALID_EMAIL", "Email", "'ana.popescu@@example.ro'"),
                new Case("Contact", "birthdate", "31/02/1980", "INVALID_DATE", "Birthdate", "'31/02/1980'"),
                new Case("Contact", "bounced_at", "31/03/2024 02:30", "INVALID_DATETIME", "EmailBouncedDate",
                        "'31/03/2024 02:30'"),
                new Case("Account", "annual_revenue", "1.234.567,89 €", "INVALID_NUMBER", "AnnualRevenue", "'1.234.567,89 €'"),
                new Case("Contact", "newsletter", "peut-être", "INVALID_BOOLEAN", "Newsletter__c", "'peut-être'"),
                new Case("Contact", "source", "Salon de l'Agriculture", "UNMAPPED_VALUE", "LeadSource",
                        "'Salon de l'Agriculture'"),
                new Case("Contact", "customer_since", "2010", "EXPRESSION_FAILED", "Description", "'2010'"),
                new Case("Contact", "address", "12 rue de la Paix, 75002 Paris", "INVALID_JSON", "MailingCity",
                        "'12 rue de la Paix, 75002 Paris'"),
                new Case("Contact", "last_name", "", "REQUIRED_FIELD_MISSING", "LastName", "(empty)"),
                new Case("Contact", "assistant", "Marie-Hélène de La Rochefoucauld-Montbel (assistante de direction)",
                        "STRING_TOO_LONG", "AssistantName", "'Marie-Hélène de La Rochefoucauld-Montbel (assistante de direction)'"),
                new Case("Contact", "geocode_accuracy", "Rooftop", "INVALID_PICKLIST_VALUE", "MailingGeocodeAccuracy", "'Rooftop'"),
                new Case("Contact", "manager_id", "CON-0042", "MALFORMED_ID", "ReportsToId", "'CON-0042'"),
                new Case("Contact", "manager_id", "0018d000000Ab1cAAC", "REFERENCE_TO_WRONG_OBJECT", "ReportsToId",
                        "'0018d000000Ab1cAAC'"),
                new Case("Account", "employees", "12,5", "INVALID_NUMBER", "NumberOfEmployees", "'12,5'"),
                new Case("Contact", "owner_email", "emily.carter@cutover-demo.com", "NOT_FOUND_IN_TARGET", "OwnerId",
                        "'emily.carter@cutover-demo.com'"),
                new Case("Contact", "owner_email", "aoife.o'sullivan@cutover-demo.ie", "NOT_FOUND_IN_TARGET", "OwnerId",
                        "'aoife.o'sullivan@cutover-demo.ie'"),
                new Case("Contact", "owner_email", "Myynti@Cutover-Demo.fi", "AMBIGUOUS_IN_TARGET", "OwnerId",
                        "'myynti@cutover-demo.fi'"),
                new Case("Contact", "owner_email", "", "REQUIRED_FIELD_MISSING", "OwnerId", "(empty)"));
        Set<String> walked = new TreeSet<>();
        for (Case rejected : cases) {
            PipelineRecord record = mapAndEnrich(rejected, "walk");
            assertReject(record, rejected);
            walked.add(record.getReasonCode());
        }

        given().contentType("application/json").body("{\"error503Rate\": 1.0}").put("/sandbox/admin/faults")
                .then().statusCode(200);
        try {
            Case unanswered = new Case("Contact", "owner_email", "aino.virtanen@cutover-demo.fi", "LOOKUP_FAILED", "OwnerId",
                    "'aino.virtanen@cutover-demo.fi'");
            PipelineRecord record = mapAndEnrich(unanswered, "walk-while-the-target-fails");
            assertReject(record, unanswered);
            assertThat(record.getMessage()).contains("the query to the target failed: ");
            walked.add(record.getReasonCode());
        } finally {
            given().contentType("application/json").body("{}").put("/sandbox/admin/faults").then().statusCode(200);
        }

        String department = "Direcția regională de vânzări și dezvoltare comercială pentru Europa Centrală și de Est";
        PipelineRecord truncated = mapAndEnrich(new Case("Contact", "department", department, null, null, null), "walk");
        assertThat(truncated.getOutcome()).as("loaded, not rejected: the enricher leaves it to the load").isNull();
        assertThat(truncated.getFields().get("Department")).isEqualTo(department.substring(0, 80));
        assertThat(truncated.getWarnings()).containsExactly("TRUNCATED: field Department: 87 characters cut to 80");
        walked.add("TRUNCATED");

        PipelineRecord twoNumbers = mapAndEnrich(new Case("Contact", "phone", "+358 40 123 4567, +358 50 765 4321", null,
                null, null), "walk");
        assertThat(twoNumbers.getFields().get("Phone")).isEqualTo("+358401234567");
        assertThat(twoNumbers.getWarnings()).containsExactly(
                "MORE_PHONE_NUMBERS: field Phone: kept the first of 2 numbers; left out: +358507654321");
        walked.add("MORE_PHONE_NUMBERS");

        // polymorphic references need objects the owners example does not have: WholeCrmMigrationTest walks their codes
        walked.addAll(WALKED_IN_THE_WHOLE_CRM_SAMPLE);
        assertThat(walked).as("every code of the mapping stage has a case").isEqualTo(codesInTheMappingStage());
    }

    @Test
    void aValidRowIsMappedAndEnrichedWithItsOwner() {
        PipelineRecord record = mapAndEnrich(new Case("Contact", "first_name", "aino", null, null, null), "walk-valid");
        assertThat(record.isLoadable()).isTrue();
        assertThat(record.getFields()).containsEntry("FirstName", "Aino").containsEntry("Phone", "+358401234567")
                .containsEntry("Newsletter__c", "true").containsEntry("Description", "Client depuis 2010")
                .containsEntry("Birthdate", "1984-03-15").containsEntry("MailingCity", "Helsinki")
                .containsEntry("MailingPostalCode", "00100");
        assertThat((String) record.getFields().get("OwnerId")).startsWith("005").hasSize(18);
    }

    private PipelineRecord mapAndEnrich(Case change, String runId) {
        Map<String, String> row = new LinkedHashMap<>(change.object().equals("Account") ? account() : contact());
        row.put(change.column(), change.value());
        String idColumn = change.object().equals("Account") ? "account_id" : "contact_id";
        String legacyId = row.get(idColumn).isEmpty() ? null : row.get(idColumn);
        line++;
        String file = change.object().equals("Account") ? "accounts.csv" : "contacts.csv";
        SourceRecord source = SourceRecord.read(change.object(), legacyId, file, line, line - 1, row);
        PipelineRecord record = mapper.map(source, runId);
        enricher.enrich(List.of(record), false, List.of());
        return record;
    }

    private void assertReject(PipelineRecord record, Case expected) {
        String where = (expected.object().equals("Account") ? "accounts.csv" : "contacts.csv") + " line " + line
                + " (record " + (line - 1) + ")";
        assertThat(record.getOutcome()).as(expected.code()).isEqualTo(Outcome.REJECTED);
        assertThat(record.getReasonCode()).isEqualTo(expected.code());
        assertThat(record.getMessage()).as(expected.code())
                .startsWith(where + ": " + expected.object() + " ")
                .contains(record.getLegacyId().isEmpty() ? "(no legacy id)" : record.getLegacyId())
                .contains(": field " + expected.field() + ", value " + expected.shown() + ": ");
    }

    private static Map<String, String> contact() {
        Map<String, String> row = new HashMap<>();
        row.putAll(Map.of("contact_id", "CON-100", "account_id", "", "first_name", "aino", "last_name", "Laine",
                "email", "aino.laine@example.fi", "phone", "040 123 4567", "country", "Suomi", "birthdate", "15.03.1984",
                "newsletter", "kyllä", "source", "Web"));
        row.putAll(Map.of("department", "Myynti", "assistant", "", "geocode_accuracy", "Zip", "bounced_at", "",
                "manager_id", "", "customer_since", "15/01/2010", "owner_email", "aino.virtanen@cutover-demo.fi",
                "address", "{\"city\": \"Helsinki\", \"postalCode\": \"00100\"}"));
        return row;
    }

    private static Map<String, String> account() {
        return Map.of("account_id", "ACC-100", "name", "Lapin Kulta Oy", "phone", "016 123 456", "country", "Suomi",
                "annual_revenue", "2 500 000", "employees", "12", "owner_email", "aino.virtanen@cutover-demo.fi");
    }

    /** The quoted upper-case codes of the mapping stage's sources: the mapper, its transforms, pre-flight, the enricher. */
    private static Set<String> codesInTheMappingStage() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (String folder : List.of("engine/src/main/java/io/cutover/mapping", "engine/src/main/java/io/cutover/enrich")) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (file.toString().contains("/profile/") || file.toString().contains("/automap/")) {
                        continue; // they report on exports, they reject nothing
                    }
                    Matcher code = CODE.matcher(Files.readString(file));
                    while (code.find()) {
                        codes.add(code.group(1));
                    }
                }
            }
        }
        return codes;
    }
}
