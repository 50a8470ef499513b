package io.cutover.sandbox;

import static io.cutover.sandbox.SandboxCalls.API;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ColumnDelimiterEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Jobs;
import org.apache.camel.component.salesforce.api.dto.bulkv2.LineEndingEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk API 2.0 ingest jobs through camel-salesforce's bulk2 operations. */
@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class SandboxBulkIngestTest {

    private static final EnumSet<JobStateEnum> FINISHED = EnumSet.of(JobStateEnum.JOB_COMPLETE, JobStateEnum.FAILED,
            JobStateEnum.ABORTED);

    @Inject
    ProducerTemplate camel;

    private SandboxCalls calls;

    @BeforeEach
    void emptyOrg() {
        SandboxCalls.resetOrg();
        calls = new SandboxCalls(camel);
    }

    @Test
    void insertJobReportsEachRowInTheResultFiles() throws IOException {
        Job job = createJob(OperationEnum.INSERT, "Account", null);
        assertThat(job.getId()).hasSize(18).startsWith("750");
        assertThat(job.getState()).isEqualTo(JobStateEnum.OPEN);
        assertThat(job.getContentUrl()).isEqualTo("services/data/v60.0/jobs/ingest/" + job.getId() + "/batches");

        upload(job, "Name,Legacy_Id__c,NumberOfEmployees\nBluth Company,A-1,120\n,A-2,5\n\"Sitwell, Inc.\",A-3,#N/A\n"
                + "Austero,A-4,many\n");
        Job done = closeAndWait(job);
        assertThat(done.getState()).isEqualTo(JobStateEnum.JOB_COMPLETE);
        assertThat(done.getNumberRecordsProcessed()).isEqualTo(4);
        assertThat(done.getNumberRecordsFailed()).isEqualTo(2);
        assertThat(done.getObject()).isEqualTo("Account");
        assertThat(done.getOperation()).isEqualTo(OperationEnum.INSERT);

        List<CSVRecord> successes = csv(camel.requestBodyAndHeader("salesforce:bulk2GetSuccessfulResults", null,
                "jobId", job.getId(), InputStream.class));
        assertThat(successes.get(0).values()).containsExactly("sf__Id", "sf__Created", "Name", "Legacy_Id__c",
                "NumberOfEmployees");
        assertThat(successes).hasSize(3);
        assertThat(successes.get(1).get(0)).hasSize(18).startsWith("001");
        assertThat(successes.get(1).values()).endsWith("true", "Bluth Company", "A-1", "120");
        assertThat(successes.get(2).values()).endsWith("true", "Sitwell, Inc.", "A-3", "#N/A");

        List<CSVRecord> failures = csv(camel.requestBodyAndHeader("salesforce:bulk2GetFailedResults", null,
                "jobId", job.getId(), InputStream.class));
        assertThat(failures.get(0).values()).containsExactly("sf__Id", "sf__Error", "Name", "Legacy_Id__c",
                "NumberOfEmployees");
        assertThat(failures.get(1).values()).containsExactly("",
                "REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --", "", "A-2", "5");
        assertThat(failures.get(2).get(1)).startsWith("INVALID_TYPE_ON_FIELD_IN_RECORD:");

        assertThat(calls.query("SELECT Name, NumberOfEmployees FROM Account WHERE Legacy_Id__c = 'A-3'")
                .get("records").get(0).get("NumberOfEmployees").isNull()).isTrue();
        assertThat(calls.count("Account")).isEqualTo(2);
    }

    @Test
    void upsertUpdateAndDeleteJobsWithAnotherDialect() throws IOException {
        Job accounts = createJob(OperationEnum.UPSERT, "Account", "Legacy_Id__c");
        upload(accounts, "Name,Legacy_Id__c\nBluth Company,A-1\nSitwell,A-2\n");
        assertThat(closeAndWait(accounts).getNumberRecordsFailed()).isZero();

        Job contacts = new Job();
        contacts.setObject("Contact");
        contacts.setOperation(OperationEnum.UPSERT);
        contacts.setExternalIdFieldName("Legacy_Id__c");
        contacts.setColumnDelimiter(ColumnDelimiterEnum.SEMICOLON);
        contacts.setLineEnding(LineEndingEnum.CRLF);
        contacts = camel.requestBody("salesforce:bulk2CreateJob", contacts, Job.class);
        assertThat(contacts.getColumnDelimiter()).isEqualTo(ColumnDelimiterEnum.SEMICOLON);
        upload(contacts, "LastName;Legacy_Id__c;Account.Legacy_Id__c\r\nBluth;C-1;a-1\r\nFünke;C-2;NO-SUCH\r\n");
        Job done = closeAndWait(contacts);
        assertThat(done.getNumberRecordsProcessed()).isEqualTo(2);
        assertThat(done.getNumberRecordsFailed()).isEqualTo(1);
        String failed = camel.requestBodyAndHeader("salesforce:bulk2GetFailedResults", null, "jobId",
                contacts.getId(), String.class);
        // commons-csv quotes an empty first value so that the line cannot be mistaken for an empty line
        assertThat(failed).isEqualTo("sf__Id;sf__Error;LastName;Legacy_Id__c;Account.Legacy_Id__c\r\n"
                + "\"\";INVALID_FIELD:Foreign key external ID: NO-SUCH not found for field Legacy_Id__c in entity"
                + " Account: --;Fünke;C-2;NO-SUCH\r\n");
        String bluthId = calls.query("SELECT Id FROM Account WHERE Legacy_Id__c = 'A-1'").get("records").get(0)
                .get("Id").asText();
        String contactId = calls.query("SELECT Id, AccountId FROM Contact").get("records").get(0).get("Id").asText();
        assertThat(calls.query("SELECT AccountId FROM Contact").get("records").get(0).get("AccountId").asText())
                .isEqualTo(bluthId);

        Job update = createJob(OperationEnum.UPDATE, "Contact", null);
        upload(update, "Id,FirstName\n" + contactId + ",Michael\n0038d0000000zzzAAA,Nobody\n");
        assertThat(closeAndWait(update).getNumberRecordsFailed()).isEqualTo(1);
        List<CSVRecord> updated = csv(camel.requestBodyAndHeader("salesforce:bulk2GetSuccessfulResults", null,
                "jobId", update.getId(), InputStream.class));
        assertThat(updated.get(1).values()).containsExactly(contactId, "false", contactId, "Michael");

        Job delete = createJob(OperationEnum.DELETE, "Contact", null);
        upload(delete, "Id\n" + contactId + "\n");
        assertThat(closeAndWait(delete).getNumberRecordsFailed()).isZero();
        assertThat(calls.count("Contact")).isZero();
    }

    @Test
    void abortDeleteListAndAFailedJob() throws IOException {
        Job open = createJob(OperationEnum.INSERT, "Account", null);
        upload(open, "Name\nOne\nTwo\n");
        Job aborted = camel.requestBodyAndHeader("salesforce:bulk2AbortJob", null, "jobId", open.getId(), Job.class);
        assertThat(aborted.getState()).isEqualTo(JobStateEnum.ABORTED);
        assertThat(camel.requestBodyAndHeader("salesforce:bulk2GetUnprocessedRecords", null, "jobId", open.getId(),
                String.class)).isEqualTo("Name\nOne\nTwo\n");
        assertThat(calls.count("Account")).isZero();

        Job unknownColumn = createJob(OperationEnum.INSERT, "Account", null);
        upload(unknownColumn, "Name,FavoritePet__c\nOne,Dog\n");
        Job failed = closeAndWait(unknownColumn);
        assertThat(failed.getState()).isEqualTo(JobStateEnum.FAILED);
        assertThat(failed.getErrorMessage()).isEqualTo("InvalidBatch : Field name not found : FavoritePet__c");

        Job complete = createJob(OperationEnum.INSERT, "Account", null);
        upload(complete, "Name\nOne\n");
        closeAndWait(complete);
        String token = SandboxCalls.token();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"state\":\"Aborted\"}")
                .patch(API + "/jobs/ingest/" + complete.getId()).then().statusCode(400)
                .body("[0].errorCode", equalTo("INVALIDJOBSTATE"))
                .body("[0].message", equalTo("Aborting already Completed Job not allowed"));
        given().auth().oauth2(token).contentType("text/csv").body("Name\nTwice\n")
                .put(API + "/jobs/ingest/" + complete.getId() + "/batches").then().statusCode(400)
                .body("[0].errorCode", equalTo("INVALIDJOBSTATE"));

        Jobs all = camel.requestBody("salesforce:bulk2GetAllJobs", null, Jobs.class);
        assertThat(all.getRecords()).extracting(Job::getId)
                .containsExactly(open.getId(), unknownColumn.getId(), complete.getId());
        assertThat(all.getDone()).isTrue();

        camel.requestBodyAndHeader("salesforce:bulk2DeleteJob", null, "jobId", complete.getId());
        given().auth().oauth2(token).get(API + "/jobs/ingest/" + complete.getId()).then().statusCode(404)
                .body("[0].errorCode", equalTo("NOT_FOUND"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"object\":\"Nope__c\",\"operation\":\"insert\"}")
                .post(API + "/jobs/ingest").then().statusCode(400).body("[0].errorCode", equalTo("INVALIDJOB"));
    }

    @Test
    void aHundredThousandRecordsAreAllAccountedFor() throws IOException {
        int rows = 100_000;
        StringBuilder data = new StringBuilder("Name,Legacy_Id__c\n");
        for (int i = 0; i < rows; i++) {
            // every 1000th row has no Name, which Account requires
            data.append(i % 1000 == 999 ? "" : "Account " + i).append(",B-").append(i).append('\n');
        }
        Job job = createJob(OperationEnum.INSERT, "Account", null);
        upload(job, data.toString());
        Instant started = Instant.now();
        Job done = closeAndWait(job);
        System.out.printf("Bulk ingest of %,d records: %d ms%n", rows, Duration.between(started, Instant.now()).toMillis());

        assertThat(done.getState()).isEqualTo(JobStateEnum.JOB_COMPLETE);
        assertThat(done.getNumberRecordsProcessed()).isEqualTo(rows);
        assertThat(done.getNumberRecordsFailed()).isEqualTo(100);
        long successful = dataRows("salesforce:bulk2GetSuccessfulResults", job);
        long failed = dataRows("salesforce:bulk2GetFailedResults", job);
        assertThat(successful).isEqualTo(99_900);
        // commons-csv quotes an empty first value so that the line cannot be mistaken for an empty line
        assertThat(failed).isEqualTo(100);
        assertThat(successful + failed).isEqualTo(rows);
        assertThat(dataRows("salesforce:bulk2GetUnprocessedRecords", job)).isZero();
        assertThat(calls.count("Account")).isEqualTo(99_900);
    }

    private long dataRows(String operation, Job job) throws IOException {
        try (InputStream results = camel.requestBodyAndHeader(operation, null, "jobId", job.getId(), InputStream.class);
                CSVParser parser = CSVParser.builder().setReader(new InputStreamReader(results, StandardCharsets.UTF_8))
                        .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return parser.stream().count();
        }
    }

    private Job createJob(OperationEnum operation, String object, String externalIdField) {
        Job job = new Job();
        job.setObject(object);
        job.setOperation(operation);
        job.setExternalIdFieldName(externalIdField);
        return camel.requestBody("salesforce:bulk2CreateJob", job, Job.class);
    }

    private void upload(Job job, String csv) {
        camel.requestBodyAndHeader("salesforce:bulk2CreateBatch",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "jobId", job.getId());
    }

    /** Closes the job and polls it until processing has finished, as a client of the real API does. */
    private Job closeAndWait(Job job) {
        camel.requestBodyAndHeader("salesforce:bulk2CloseJob", null, "jobId", job.getId());
        return await("job " + job.getId() + " finished").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> camel.requestBodyAndHeader("salesforce:bulk2GetJob", null, "jobId", job.getId(), Job.class),
                        current -> FINISHED.contains(current.getState()));
    }

    private static List<CSVRecord> csv(InputStream results) throws IOException {
        try (results; CSVParser parser = CSVParser.builder()
                .setReader(new InputStreamReader(results, StandardCharsets.UTF_8)).setFormat(CSVFormat.RFC4180).get()) {
            return parser.getRecords();
        }
    }
}
