package io.cutover.load;

import static io.cutover.load.LoadCalls.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.sandbox.ParentLocks;
import io.cutover.state.ApiCalls;
import io.cutover.state.OpenBulkJobs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Jobs;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** routes/load-salesforce-bulk.yaml against the sandbox's Bulk API 2.0, through the real camel-salesforce client. */
@QuarkusTest
@TestProfile(BulkTestProfile.class)
class BulkLoadTest {

    private static final String ROUTE = "direct:load-salesforce-bulk";
    private static final List<String> BULK_OPERATIONS = List.of("bulk2CreateJob", "bulk2CreateBatch", "bulk2CloseJob",
            "bulk2GetJob", "bulk2GetSuccessfulResults", "bulk2GetFailedResults", "bulk2GetUnprocessedRecords");
    /** The sandbox's counter of each operation: the resource method that answers it. */
    private static final Map<String, String> SANDBOX_COUNTER = Map.of("bulk2CreateJob", "BulkIngest.create",
            "bulk2CreateBatch", "BulkIngest.upload", "bulk2CloseJob", "BulkIngest.changeState", "bulk2GetJob",
            "BulkIngest.get", "bulk2GetSuccessfulResults", "BulkIngest.successfulResults", "bulk2GetFailedResults",
            "BulkIngest.failedResults", "bulk2GetUnprocessedRecords", "BulkIngest.unprocessedRecords");

    @Inject
    ProducerTemplate camel;
    @Inject
    ApiCalls apiCalls;
    @Inject
    ParentLocks parentLocks;
    @Inject
    BulkJobRequest bulkJobRequest;
    @Inject
    OpenBulkJobs openJobs;
    @ConfigProperty(name = "cutover.load.bulk-batch-size")
    int batchSize;

    private LoadCalls calls;
    private String runId;

    @BeforeEach
    void emptyOrg() {
        LoadCalls.resetOrg();
        calls = new LoadCalls(camel);
        runId = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void noFaults() {
        LoadCalls.faults(Map.of());
    }

    @Test
    void everyRecordIsMarkedByItsLegacyIdAndTheCallsAreTheMinimumPlusThePolls() {
        int count = 3_000;
        String longName = "L".repeat(256);
        List<PipelineRecord> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String legacyId = String.format("A-%04d", i);
            Object name = i % 100 == 7 ? null : i % 100 == 42 ? longName : "Account " + i;
            String description = i % 10 == 3 ? "line one\nline \"two\", with a comma" : i % 10 == 4 ? null : "plain " + i;
            accounts.add(record(runId, "Account", legacyId, i + 1, "Name", name, "Description", description,
                    "Phone", "+1 555 0100"));
        }
        Map<String, Long> countersBefore = LoadCalls.sandboxCounters();

        calls.load(ROUTE, runId, "Account", accounts, batchSize);

        Map<String, JsonNode> target = calls.byLegacyId("Account", "Id, Name, Description, Phone");
        assertThat(target).hasSize(count - 60);
        for (PipelineRecord account : accounts) {
            int i = (int) account.getRecordNumber() - 1;
            if (i % 100 == 7) {
                assertThat(account.getOutcome()).as(account.toString()).isEqualTo(Outcome.REJECTED);
                assertThat(account.getReasonCode()).isEqualTo("REQUIRED_FIELD_MISSING");
                assertThat(account.getMessage()).isEqualTo("accounts.csv line " + (i + 2) + " (record " + (i + 1) + "): Account "
                        + account.getLegacyId() + ": field Name, value (empty): REQUIRED_FIELD_MISSING: Required fields are"
                        + " missing: [Name]");
                assertThat(target).doesNotContainKey(account.getLegacyId());
            } else if (i % 100 == 42) {
                assertThat(account.getOutcome()).as(account.toString()).isEqualTo(Outcome.REJECTED);
                assertThat(account.getReasonCode()).isEqualTo("STRING_TOO_LONG");
                assertThat(account.getMessage()).startsWith("accounts.csv line " + (i + 2) + " (record " + (i + 1)
                        + "): Account " + account.getLegacyId() + ": field Name, value 'LLLL")
                        .contains("(256 characters): STRING_TOO_LONG: Name: data value too large");
                assertThat(target).doesNotContainKey(account.getLegacyId());
            } else {
                JsonNode saved = target.get(account.getLegacyId());
                assertThat(account.getOutcome()).as(account.toString()).isEqualTo(Outcome.LOADED);
                assertThat(account.getTargetId()).isEqualTo(saved.get("Id").asText());
                assertThat(saved.get("Name").asText()).isEqualTo("Account " + i);
                assertThat(saved.get("Description").isNull() ? null : saved.get("Description").asText())
                        .isEqualTo(account.getFields().get("Description"));
            }
        }

        int jobs = (count + batchSize - 1) / batchSize;
        Map<String, Long> counted = apiCalls.of(runId).get("Account");
        Map<String, Long> countersAfter = LoadCalls.sandboxCounters();
        for (String operation : BULK_OPERATIONS) {
            String counter = SANDBOX_COUNTER.get(operation);
            assertThat(counted.get(operation)).as("%s as counted and as the sandbox answered it", operation)
                    .isEqualTo(countersAfter.getOrDefault(counter, 0L) - countersBefore.getOrDefault(counter, 0L));
        }
        long polls = counted.get("bulk2GetJob");
        long bulkCalls = BULK_OPERATIONS.stream().mapToLong(counted::get).sum();
        assertThat(polls).isGreaterThanOrEqualTo(jobs);
        assertThat(bulkCalls).as("create, upload, close and three result files per job, and the polls")
                .isEqualTo(6L * jobs + polls);
        // without the answers' Sforce-Limit-Info, every 10 calls
        assertThat(counted.get("limits")).as("/limits read at the first call; the Bulk API's answers tell the rest")
                .isEqualTo(1);
        System.out.printf("Bulk load of %,d records in jobs of %,d: %d calls (%d polls) and %d reads of /limits%n", count,
                batchSize, bulkCalls, polls, counted.get("limits"));
    }

    @Test
    void aSecondLoadUpdatesAndANullClearsTheField() {
        List<PipelineRecord> first = List.of(record(runId, "Account", "A-1", 1, "Name", "Sitwell, Inc.", "Phone", "555 0100",
                "Description", "#N/A"), record(runId, "Account", "A-2", 2, "Name", "Bluth \"Company\"", "Phone", "555 0101"));
        calls.load(ROUTE, runId, "Account", first, batchSize);
        assertThat(first).extracting(PipelineRecord::getOutcome).containsOnly(Outcome.LOADED);
        assertThat(first.get(0).getWarnings()).containsExactly("field Description: the value '#N/A' means null to the"
                + " Bulk API; the field is loaded empty");
        assertThat(first.get(1).getWarnings()).isEmpty();
        assertThat(calls.byLegacyId("Account", "Name, Description").get("A-2").get("Name").asText())
                .isEqualTo("Bluth \"Company\"");

        List<PipelineRecord> second = List.of(record(runId, "Account", "A-2", 2, "Name", "Bluth Company", "Phone", null),
                record(runId, "Account", "A-1", 1, "Name", "Sitwell, Inc.", "Phone", "555 0199"));
        calls.load(ROUTE, runId, "Account", second, batchSize);

        assertThat(second).extracting(PipelineRecord::getOutcome).containsOnly(Outcome.UPDATED);
        assertThat(second.get(0).getTargetId()).isEqualTo(first.get(1).getTargetId());
        assertThat(second.get(1).getTargetId()).isEqualTo(first.get(0).getTargetId());
        Map<String, JsonNode> target = calls.byLegacyId("Account", "Name, Phone");
        assertThat(target.get("A-2").get("Phone").isNull()).as("#N/A set the phone to null").isTrue();
        assertThat(target.get("A-2").get("Name").asText()).isEqualTo("Bluth Company");
        assertThat(target.get("A-1").get("Phone").asText()).isEqualTo("555 0199");
    }

    @Test
    void childrenOfALockedParentAreRetriedAndLoadOnTheNextAttempt() {
        List<PipelineRecord> accounts = List.of(record(runId, "Account", "A-1", 1, "Name", "Bluth Company"),
                record(runId, "Account", "A-2", 2, "Name", "Sitwell"));
        calls.load(ROUTE, runId, "Account", accounts, batchSize);
        String lockedAccount = accounts.get(0).getTargetId();
        List<PipelineRecord> contacts = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            PipelineRecord account = accounts.get(i % 3 == 0 ? 0 : 1);
            contacts.add(record(runId, "Contact", "C-" + i, i + 1, "LastName", "Contact " + i, "AccountId",
                    account.getTargetId()));
        }
        LoadCalls.faults(Map.of("unableToLockRow", true));
        Object anotherCall = new Object();
        assertThat(parentLocks.lock(anotherCall, List.of(lockedAccount))).isEmpty();
        try {
            calls.load(ROUTE, runId, "Contact", contacts, batchSize);
        } finally {
            parentLocks.release(anotherCall);
        }

        for (PipelineRecord contact : contacts) {
            if (lockedAccount.equals(contact.getFields().get("AccountId"))) {
                assertThat(contact.isRetrying()).as(contact.toString()).isTrue();
                assertThat(contact.getReasonCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
                assertThat(contact.getMessage()).isEqualTo(contact.getSourceRef() + ": Contact " + contact.getLegacyId()
                        + ": UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record or 1 records: "
                        + lockedAccount);
            } else {
                assertThat(contact.getOutcome()).as(contact.toString()).isEqualTo(Outcome.LOADED);
            }
        }
        assertThat(contacts.stream().filter(PipelineRecord::isRetrying)).hasSize(200);

        List<PipelineRecord> retried = contacts.stream().filter(PipelineRecord::isRetrying).toList();
        calls.load(ROUTE, runId, "Contact", retried, batchSize);
        assertThat(contacts).extracting(PipelineRecord::getOutcome).containsOnly(Outcome.LOADED);
        assertThat(calls.byLegacyId("Contact", "AccountId")).hasSize(600);
    }

    @Test
    void rowsAnAbortedJobLeftUnprocessedAreRetriedAndNothingIsLoadedTwice() throws Exception {
        List<PipelineRecord> accounts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            accounts.add(record(runId, "Account", "A-" + i, i + 1, "Name", "Account " + i));
        }
        // 200 records a chunk, 2 ms a record: the job takes seconds, and is aborted once its first chunk is saved
        LoadCalls.faults(Map.of("latencyPerRecordMs", 2));
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> calls.load(ROUTE, runId, "Account", accounts, batchSize));
        Job running = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
            assertThat(load).as("the load is still waiting for its job").isNotDone();
            return camel.requestBody("salesforce:bulk2GetAllJobs", null, Jobs.class).getRecords().stream()
                    .filter(job -> job.getState() == JobStateEnum.IN_PROGRESS && job.getNumberRecordsProcessed() >= 200)
                    .findFirst().orElse(null);
        }, Objects::nonNull);
        String abortedJob = running.getId();
        camel.requestBodyAndHeader("salesforce:bulk2AbortJob", null, "jobId", abortedJob);
        load.get(2, TimeUnit.MINUTES);
        LoadCalls.faults(Map.of());

        List<PipelineRecord> loaded = accounts.stream().filter(a -> a.getOutcome() == Outcome.LOADED).toList();
        List<PipelineRecord> retrying = accounts.stream().filter(PipelineRecord::isRetrying).toList();
        assertThat(loaded.size() + retrying.size()).as("every record loaded or to be retried").isEqualTo(1000);
        assertThat(loaded).hasSizeGreaterThanOrEqualTo(200);
        assertThat(retrying).extracting(PipelineRecord::getReasonCode).contains("BULK_UNPROCESSED");
        assertThat(retrying).filteredOn(a -> a.getReasonCode().equals("BULK_UNPROCESSED")).first()
                .satisfies(a -> assertThat(a.getMessage()).isEqualTo(a.getSourceRef() + ": Account " + a.getLegacyId()
                        + ": not processed by bulk job " + abortedJob + " (Aborted); to be sent again"));
        Map<String, JsonNode> target = calls.byLegacyId("Account", "Id");
        loaded.forEach(a -> assertThat(target.get(a.getLegacyId()).get("Id").asText()).isEqualTo(a.getTargetId()));

        calls.load(ROUTE, runId, "Account", retrying, batchSize);
        assertThat(accounts).allSatisfy(a -> assertThat(a.getOutcome()).isIn(Outcome.LOADED, Outcome.UPDATED));
        assertThat(calls.byLegacyId("Account", "Id")).hasSize(1000);
        assertThat(calls.query("SELECT COUNT() FROM Account").get("totalSize").asInt()).as("none twice").isEqualTo(1000);
    }

    @Test
    void aJobThatFailsAsAWholeAndACallThatFailsLeaveEveryRecordToBeRetried() {
        List<PipelineRecord> unknownField = List.of(record(runId, "Account", "A-1", 1, "Name", "One", "FavoritePet__c", "Dog"),
                record(runId, "Account", "A-2", 2, "Name", "Two", "FavoritePet__c", "Cat"));
        calls.load(ROUTE, runId, "Account", unknownField, batchSize);
        assertThat(unknownField).allSatisfy(account -> {
            assertThat(account.isRetrying()).isTrue();
            assertThat(account.getReasonCode()).isEqualTo("BULK_JOB_FAILED");
            assertThat(account.getMessage()).startsWith(account.getSourceRef() + ": Account " + account.getLegacyId()
                    + ": bulk job 750").endsWith(" failed: InvalidBatch : Field name not found : FavoritePet__c");
        });

        List<PipelineRecord> unavailable = List.of(record(runId, "Account", "A-3", 3, "Name", "Three"));
        LoadCalls.faults(Map.of("error503Rate", 1.0));
        calls.load(ROUTE, runId, "Account", unavailable, batchSize);
        LoadCalls.faults(Map.of());
        assertThat(unavailable.get(0).isRetrying()).isTrue();
        assertThat(unavailable.get(0).getReasonCode()).isEqualTo("TARGET_CALL_FAILED");
        assertThat(unavailable.get(0).getMessage()).startsWith("accounts.csv line 4 (record 3): Account A-3: the call to"
                + " the target failed: ").contains("SERVER_UNAVAILABLE");
        assertThat(calls.query("SELECT COUNT() FROM Account").get("totalSize").asInt()).isZero();
    }

    @Test
    void recordsAlreadyDecidedAreNotSent() {
        PipelineRecord rejected = PipelineRecord.rejected(runId, "Account", "A-1", 1, "accounts.csv line 2 (record 1)",
                "PARENT_NOT_LOADED", "no parent");
        PipelineRecord toLoad = record(runId, "Account", "A-2", 2, "Name", "Two");
        Map<String, Long> before = LoadCalls.sandboxCounters();

        calls.load(ROUTE, runId, "Account", List.of(rejected), batchSize);
        assertThat(LoadCalls.sandboxCounters().getOrDefault("BulkIngest.create", 0L))
                .isEqualTo(before.getOrDefault("BulkIngest.create", 0L));

        calls.load(ROUTE, runId, "Account", List.of(rejected, toLoad), batchSize);
        assertThat(rejected.getReasonCode()).isEqualTo("PARENT_NOT_LOADED");
        assertThat(toLoad.getOutcome()).isEqualTo(Outcome.LOADED);
        assertThat(calls.byLegacyId("Account", "Id")).containsOnlyKeys("A-2");
    }

    @Test
    void aJobLeftBehindByAKilledRunIsCollectedInsteadOfUploadedAgain() {
        List<PipelineRecord> accounts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            accounts.add(record(runId, "Account", "A-" + i, i + 1, "Name", i == 7 ? null : "Account " + i));
        }
        // the killed attempt: the first 200 records uploaded in a job, closed and remembered, its results never read
        BulkJobRun killed = new BulkJobRun(accounts, "Account", "Legacy_Id__c", accounts.subList(0, 200));
        Job job = new Job();
        job.setObject("Account");
        job.setOperation(OperationEnum.UPSERT);
        job.setExternalIdFieldName("Legacy_Id__c");
        String jobId = camel.requestBody("salesforce:bulk2CreateJob", job, Job.class).getId();
        camel.requestBodyAndHeader("salesforce:bulk2CreateBatch", bulkJobRequest.csv(killed), "jobId", jobId);
        camel.requestBodyAndHeader("salesforce:bulk2CloseJob", null, "jobId", jobId);
        openJobs.remember(runId, "Account", jobId, killed.records().stream().map(killed::externalId).toList());
        Map<String, Long> before = LoadCalls.sandboxCounters();

        calls.load(ROUTE, runId, "Account", accounts, batchSize);

        Map<String, Long> after = LoadCalls.sandboxCounters();
        assertThat(after.get("BulkIngest.upload") - before.get("BulkIngest.upload"))
                .as("only the 100 records the killed attempt had not uploaded").isEqualTo(1);
        assertThat(after.get("BulkIngest.create") - before.get("BulkIngest.create")).isEqualTo(1);
        assertThat(accounts.get(7).getReasonCode()).as("its failed rows too").isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(accounts).filteredOn(a -> a != accounts.get(7))
                .allSatisfy(a -> assertThat(a.getOutcome()).as(a.toString()).isEqualTo(Outcome.LOADED));
        Map<String, JsonNode> target = calls.byLegacyId("Account", "Id");
        assertThat(target).hasSize(299);
        accounts.stream().filter(a -> a.getOutcome() == Outcome.LOADED)
                .forEach(a -> assertThat(target.get(a.getLegacyId()).get("Id").asText()).isEqualTo(a.getTargetId()));
        assertThat(openJobs.of(runId, "Account")).as("collected, then forgotten").isEmpty();
    }

    @Test
    void aJobLeftBehindThatSalesforceNoLongerKnowsIsForgottenAndItsRecordsUploaded() {
        List<PipelineRecord> accounts = List.of(record(runId, "Account", "A-1", 1, "Name", "One"),
                record(runId, "Account", "A-2", 2, "Name", "Two"));
        openJobs.remember(runId, "Account", "7508d0000000zzzAAA", List.of("A-1", "A-2"));

        calls.load(ROUTE, runId, "Account", accounts, batchSize);

        assertThat(accounts).extracting(PipelineRecord::getOutcome).containsOnly(Outcome.LOADED);
        assertThat(calls.byLegacyId("Account", "Id")).containsOnlyKeys("A-1", "A-2");
        assertThat(openJobs.of(runId, "Account")).isEmpty();
    }
}
