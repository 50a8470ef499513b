package io.cutover.run;

import static io.cutover.run.RunControlTest.awaitEnd;
import static io.cutover.run.RunControlTest.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cutover.mapping.RecordMapper;
import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.source.Exports;
import io.cutover.source.SourceRecord;
import io.cutover.state.Ledger;
import io.cutover.state.RunRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run interrupted while it read an export is resumed from the last record it staged: the records staged before the
 * interruption are read past, not mapped nor staged again, and the run still reads, counts and loads every record once.
 * The interrupted attempt is made here as the pipeline makes one: the export's first records mapped and staged in the
 * ledger under a run that never ended.
 */
@QuarkusTest
@TestProfile(RunControlTest.SmallBatches.class)
@QuarkusTestResource(value = SampleExport.class, restrictToAnnotatedClass = true)
class ResumeMidReadTest {

    private static final int ACCOUNTS = 50;

    @Inject
    RunRepository runs;
    @Inject
    Exports exports;
    @Inject
    RecordMapper mapper;
    @Inject
    Ledger ledger;
    @Inject
    MeterRegistry registry;

    @Test
    void theResumedRunMapsOnlyTheRecordsItHadNotStaged() throws Exception {
        String runId = interruptedAfterStaging(20);
        double stagedBefore = accountsStaged();

        JsonPath completed = resume(runId);

        assertThat(accountsStaged() - stagedBefore).as("accounts mapped and staged by the resumed attempt")
                .isEqualTo(ACCOUNTS - 20);
        assertEveryAccountReadOnce(runId, completed);
    }

    @Test
    void aRunInterruptedAfterStagingTheWholeExportEndsItsReadWithoutMappingAnything() throws Exception {
        String runId = interruptedAfterStaging(ACCOUNTS);
        double stagedBefore = accountsStaged();

        JsonPath completed = resume(runId);

        assertThat(accountsStaged() - stagedBefore).as("accounts mapped and staged by the resumed attempt").isZero();
        assertEveryAccountReadOnce(runId, completed);
    }

    /** A full run that staged the export's first accounts, one chunk, and was killed before it recorded the read. */
    private String interruptedAfterStaging(int accounts) throws IOException {
        String runId = "resumed-read-" + accounts + "-" + System.nanoTime();
        runs.start(runId, "full", Instant.now(), null);
        List<PipelineRecord> chunk = new ArrayList<>();
        Iterator<SourceRecord> export = exports.openWhole("Account");
        try {
            while (chunk.size() < accounts && export.hasNext()) {
                chunk.add(mapper.map(export.next(), runId));
            }
        } finally {
            ((Closeable) export).close();
        }
        ledger.stage(chunk, false, "full");
        assertThat(runs.wasRead(runId, "Account")).isFalse();
        assertThat(runs.lastRecordStaged(runId, "Account")).isEqualTo(accounts);
        return runId;
    }

    /** The next start resumes the run, once the application has finished whatever run it was ending (409 till then). */
    private static JsonPath resume(String runId) throws InterruptedException {
        Response started = await().atMost(Duration.ofMinutes(1)).until(
                () -> control().contentType(ContentType.JSON).body(Map.of()).post("/runs"),
                response -> response.statusCode() != 409);
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.jsonPath().getString("runId")).isEqualTo(runId);
        JsonPath completed = awaitEnd(runId);
        assertThat(completed.getString("status")).isEqualTo("completed");
        return completed;
    }

    private void assertEveryAccountReadOnce(String runId, JsonPath completed) {
        assertThat(runs.recordsRead(runId)).containsEntry("Account", (long) ACCOUNTS);
        Map<Outcome, Long> outcomes = runs.outcomeCounts(runId).get("Account");
        assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum()).as("one outcome a record: %s", outcomes)
                .isEqualTo(ACCOUNTS);
        assertThat(outcomes).doesNotContainKey(Outcome.PENDING);
        assertThat(completed.getLong("objects.Account.read")).isEqualTo(ACCOUNTS);
    }

    /** The run's own meter of the records the read steps staged: each one mapped first. */
    private double accountsStaged() {
        Counter staged = registry.find("cutover.records.read").tag("object", "Account").counter();
        return staged == null ? 0 : staged.count();
    }
}
