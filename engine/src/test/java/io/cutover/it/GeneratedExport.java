package io.cutover.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A legacy export of accounts and contacts in the sample's columns, each value derived from its record's number, so
 * that the target can be checked record by record afterwards: every record once, with its values and its parent.
 */
record GeneratedExport(int accounts, int contacts) {

    /** The sample export's header (samples/apex-recipes), which the mapping files read. */
    static final String[] ACCOUNT_COLUMNS = {"account_id", "name", "phone", "fax", "website", "type", "industry",
        "NumberOfEmployees", "annualrevenue", "description", "billingstreet", "billingcity", "billingstate",
        "billingpostalcode", "billingcountry", "shippingstreet", "shippingcity", "shippingstate", "shippingpostalcode"};

    /** Writes accounts.csv and contacts.csv into the folder, which it creates under target/. */
    Path write(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), prefix).toAbsolutePath();
        try (Writer out = Files.newBufferedWriter(dir.resolve("accounts.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(ACCOUNT_COLUMNS).get())) {
            for (int n = 1; n <= accounts; n++) {
                Object[] row = new Object[ACCOUNT_COLUMNS.length];
                row[0] = "A" + n;
                row[1] = accountName(n);
                row[14] = "United States";
                csv.printRecord(row);
            }
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("contacts.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                        .setHeader("contact_id", "lastName", "firstName", "email", "account_id", "title", "phone").get())) {
            for (int n = 1; n <= contacts; n++) {
                csv.printRecord("C" + n, lastName(n), "Contact", email(n), accountOf(n), "", "");
            }
        }
        return dir;
    }

    /** The run's report accounts for every record: read, loaded or updated, none rejected. */
    void assertAccounted(JsonNode report) {
        assertAccounted(report, "Account", accounts);
        assertAccounted(report, "Contact", contacts);
    }

    private static void assertAccounted(JsonNode report, String object, int records) {
        JsonNode counts = report.at("/objects/" + object);
        assertThat(counts.get("read").asLong()).as(object + " read").isEqualTo(records);
        assertThat(counts.get("loaded").asLong() + counts.get("updated").asLong()).as(object + " loaded or updated: " + counts)
                .isEqualTo(records);
        assertThat(counts.get("rejected").asLong()).as(object + " rejected").isZero();
    }

    /** The org holds every record exactly once, with its values and its parent. */
    void assertTargetExact(String orgUrl, String context) {
        String token = OnceModeIT.token(orgUrl, "cutover-sandbox", "cutover-sandbox-secret", "admin@cutover.sandbox", "sandbox");
        List<Map<String, Object>> loadedAccounts = CrashResumeIT.queryAll(orgUrl, token,
                "SELECT Id, Legacy_Id__c, Name FROM Account");
        List<Map<String, Object>> loadedContacts = CrashResumeIT.queryAll(orgUrl, token,
                "SELECT Id, Legacy_Id__c, LastName, Email, AccountId FROM Contact");
        assertThat(loadedAccounts).as(context).hasSize(accounts);
        assertThat(loadedContacts).as(context).hasSize(contacts);

        Map<String, String> accountIdByLegacyId = new HashMap<>();
        for (Map<String, Object> account : loadedAccounts) {
            String legacyId = (String) account.get("Legacy_Id__c");
            assertThat(accountIdByLegacyId.put(legacyId, (String) account.get("Id"))).as("%s loaded twice", legacyId).isNull();
            assertThat(account.get("Name")).isEqualTo(accountName(number(legacyId)));
        }
        Map<String, Boolean> seen = new HashMap<>();
        for (Map<String, Object> contact : loadedContacts) {
            String legacyId = (String) contact.get("Legacy_Id__c");
            assertThat(seen.put(legacyId, true)).as("%s loaded twice", legacyId).isNull();
            int n = number(legacyId);
            assertThat(contact.get("LastName")).isEqualTo(lastName(n));
            assertThat(contact.get("Email")).isEqualTo(email(n));
            assertThat(contact.get("AccountId")).as("the account of %s", legacyId)
                    .isEqualTo(accountIdByLegacyId.get(accountOf(n)));
        }
    }

    private static int number(String legacyId) {
        return Integer.parseInt(legacyId.substring(1));
    }

    private static String accountName(int n) {
        return "Account " + n;
    }

    private static String lastName(int n) {
        return "Person " + n;
    }

    private static String email(int n) {
        return "person" + n + "@example.org";
    }

    private String accountOf(int contact) {
        return "A" + (1 + (contact * 7919) % accounts);
    }
}
