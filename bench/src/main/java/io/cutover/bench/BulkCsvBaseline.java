package io.cutover.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The end-to-end benchmark's baseline: what a plain program does with the same export, parse each file with commons-csv
 * and write every record back out as Bulk API 2.0 CSV under the target's field names, with nothing checked, mapped or
 * remembered. Cutover's figures are read as ratios to it, measured in the same minutes on the same machine.
 * Usage: {@code BulkCsvBaseline EXPORT_DIR OUT_DIR}; prints {@code records=<n> seconds=<s>}.
 */
public final class BulkCsvBaseline {

    private static final Map<String, Map<String, String>> FIELDS = Map.of(
            "accounts.csv", Map.of("account_id", "Legacy_Id__c", "name", "Name", "phone", "Phone", "website", "Website",
                    "industry", "Industry", "description", "Description", "billingcity", "BillingCity",
                    "billingcountry", "BillingCountry"),
            "contacts.csv", Map.of("contact_id", "Legacy_Id__c", "lastName", "LastName", "firstName", "FirstName",
                    "email", "Email", "account_id", "Account.Legacy_Id__c", "title", "Title", "phone", "Phone"),
            "opportunities.csv", Map.of("opportunity_id", "Legacy_Id__c", "name", "Name", "stage", "StageName",
                    "amount", "Amount", "close_date", "CloseDate", "account_id", "Account.Legacy_Id__c"));

    public static void main(String[] args) throws IOException {
        Path export = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        long start = System.nanoTime();
        long records = 0;
        for (var file : FIELDS.entrySet()) {
            records += rewrite(export.resolve(file.getKey()), out.resolve(file.getKey()), file.getValue());
        }
        System.out.printf("records=%d seconds=%.2f%n", records, (System.nanoTime() - start) / 1e9);
    }

    private static long rewrite(Path in, Path out, Map<String, String> fields) throws IOException {
        long records = 0;
        try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
                Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            List<String> columns = parser.getHeaderNames().stream().filter(fields::containsKey).toList();
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                    .setHeader(columns.stream().map(fields::get).toArray(String[]::new)).get());
            List<String> values = new ArrayList<>(columns.size());
            for (CSVRecord record : parser) {
                values.clear();
                columns.forEach(column -> values.add(record.get(column)));
                printer.printRecord(values);
                records++;
            }
            printer.flush();
        }
        return records;
    }
}
