package io.cutover.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The same export, run twice by the packaged application with a mapping change between the runs that lets a rejected
 * row pass: the row that owns each legacy id is the export's first with it, in both runs, so no target record changes
 * owner. The first ContactRef7 has a phone number the first mapping rejects; a different person comes later under the
 * same id.
 */
class LegacyIdOwnershipIT {

    @Test
    void aMappingChangeThatLetsARowPassNeverHandsItsRecordToAnotherRow() throws Exception {
        Path root = Files.createTempDirectory(Path.of("target"), "ownership-").toAbsolutePath();
        Path export = Files.createDirectories(root.resolve("export"));
        Files.copy(Path.of("samples/apex-recipes/accounts.csv"), export.resolve("accounts.csv"));
        List<String> contacts = Files.readAllLines(Path.of("samples/apex-recipes/contacts.csv"));
        int first = indexOf(contacts, "ContactRef7,");
        contacts.set(first, contacts.get(first).replaceAll(",[0-9]+$", ",555-01"));
        contacts.add("ContactRef7,Impostor,Ivan,ivan@example.com,AccountRef1,Buyer,5624081052");
        Files.write(export.resolve("contacts.csv"), contacts);
        Path strict = mappings(root.resolve("strict"), "{phone: {region: US}}");
        Path lenient = mappings(root.resolve("lenient"), "{phone: {region: US, invalid: keep}}");
        Path data = root.resolve("data");

        Map<String, String> ownersBefore = run(export, strict, data);
        assertThat(ownersBefore).as("nobody owns ContactRef7 while its first row is rejected")
                .doesNotContainKey("ContactRef7").isNotEmpty();
        assertThat(rejectReason(data, "ContactRef7", "Impostor")).isEqualTo("DUPLICATE_LEGACY_ID");

        Map<String, String> ownersAfter = run(export, lenient, data);
        assertThat(ownersAfter).containsEntry("ContactRef7", "Hounsom");
        ownersBefore.forEach((legacyId, lastName) -> assertThat(ownersAfter).containsEntry(legacyId, lastName));
        Map<String, String> firstRows = firstRowLastNames(export.resolve("contacts.csv"));
        ownersAfter.forEach((legacyId, lastName) -> assertThat(lastName).as(legacyId).isEqualTo(firstRows.get(legacyId)));
        assertThat(rejectReason(data, "ContactRef7", "Impostor")).isEqualTo("DUPLICATE_LEGACY_ID");
    }

    /** The sample mappings, the contacts' phone through the given transform. */
    private static Path mappings(Path dir, String phoneTransform) throws IOException {
        Files.createDirectories(dir);
        Files.copy(Path.of("mappings/account.yaml"), dir.resolve("account.yaml"));
        String contact = Files.readString(Path.of("mappings/contact.yaml"));
        assertThat(contact).contains("  Phone: phone\n");
        Files.writeString(dir.resolve("contact.yaml"), contact.replace("  Phone: phone\n",
                "  Phone: {column: phone, transforms: [" + phoneTransform + "]}\n"));
        return dir;
    }

    /** A once-mode run of the export into the sandbox kept in the data folder; then each contact's last name by legacy id. */
    private static Map<String, String> run(Path export, Path mappings, Path data) throws Exception {
        PackagedApplication once = PackagedApplication.start("-Dcutover.mode=once", "-Dcutover.sandbox.enabled=true",
                "-Dcutover.data-dir=" + data, "-Dcutover.export.dir=" + export, "-Dcutover.mapping.dir=" + mappings, "-Dcutover.max-reject-rate=1");
        assertThat(once.exitCode()).as(once.output()).isZero();
        PackagedApplication org = PackagedApplication.start("-Dcutover.sandbox.enabled=true",
                "-Dcutover.run-at-start=false", "-Dcutover.data-dir=" + data);
        try {
            String baseUrl = "http://localhost:" + org.port;
            OnceModeIT.awaitReady(baseUrl, org);
            String token = OnceModeIT.token(baseUrl, "cutover-sandbox", "cutover-sandbox-secret", "admin@cutover.sandbox",
                    "sandbox");
            List<Map<String, String>> records = given().baseUri(baseUrl).auth().oauth2(token)
                    .queryParam("q", "SELECT Legacy_Id__c, LastName FROM Contact")
                    .get("/services/data/v60.0/query").then().statusCode(200).extract().path("records");
            Map<String, String> owners = new HashMap<>();
            records.forEach(record -> assertThat(owners.put(record.get("Legacy_Id__c"), record.get("LastName")))
                    .as("one target record per legacy id").isNull());
            return owners;
        } finally {
            org.stop();
        }
    }

    /** The reason code of the newest run's reject of the row with this legacy id and last name. */
    private static String rejectReason(Path data, String legacyId, String lastName) throws IOException {
        Path newest;
        try (Stream<Path> runs = Files.list(data.resolve("runs"))) {
            newest = runs.max(Path::compareTo).orElseThrow(); // run ids begin with their start time
        }
        try (Reader rejects = Files.newBufferedReader(newest.resolve("rejects/Contact.csv"))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().build().parse(rejects)) {
                if (legacyId.equals(row.get("contact_id")) && lastName.equals(row.get("lastName"))) {
                    return row.get("cutover_reason_code");
                }
            }
        }
        throw new AssertionError("no reject of " + legacyId + " " + lastName + " in " + newest);
    }

    private static Map<String, String> firstRowLastNames(Path contacts) throws IOException {
        Map<String, String> lastNames = new HashMap<>();
        try (Reader export = Files.newBufferedReader(contacts)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().build().parse(export)) {
                lastNames.putIfAbsent(row.get("contact_id"), row.get("lastName"));
            }
        }
        return lastNames;
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }
}
