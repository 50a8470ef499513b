package io.cutover.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Which "updated" answers are the run's own creations, whose first answer a crash lost. */
@QuarkusTest
@QuarkusTestResource(value = SalesforceSandbox.class, restrictToAnnotatedClass = true)
class SentWithoutTargetTest {

    private static final String OBJECT = "Account";

    @Inject
    SentWithoutTarget sent;
    @Inject
    RunRepository runs;

    @Inject
    @StateStore
    DataSource dataSource;

    /** A run of its own: the test state store outlives a test run. */
    private final String runId = "test-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void onlyARecordSentAgainWithoutATargetIdIsTheRunsCreation() throws Exception {
        String resent = runId + "-resent";
        String firstSend = runId + "-someone-elses";
        String known = runId + "-known";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ledger = connection.prepareStatement("insert into ledger (object_name, legacy_id, target_id,"
                        + " content_hash, outcome, run_id, updated_at) values (?, ?, '001000000000001AAA', 'h', 'loaded', 'earlier', ?)")) {
            ledger.setString(1, OBJECT);
            ledger.setString(2, known);
            ledger.setTimestamp(3, Timestamp.from(Instant.now()));
            ledger.executeUpdate();
        }
        // an attempt killed before its answer came, then the resumed attempt: the same records sent twice
        sent.mark(runId, OBJECT, List.of(resent, known));
        sent.mark(runId, OBJECT, List.of(resent, known, firstSend));

        List<PipelineRecord> answered = List.of(updated(resent, 1), updated(firstSend, 2), updated(known, 3));
        try (Connection connection = dataSource.getConnection()) {
            sent.reclassify(connection, answered);
        }

        assertThat(answered).extracting(PipelineRecord::getOutcome)
                // created by the killed attempt; made by someone else before the run, found at the first send; known
                // to the ledger before the run (its before-image is kept)
                .containsExactly(Outcome.LOADED, Outcome.UPDATED, Outcome.UPDATED);
        assertThat(answered.get(0).getTargetId()).isEqualTo("001000000000R01AAA");
    }

    @Test
    void everyRecordOfABatchLargerThanARowHoldsIsMarked() throws Exception {
        List<String> batch = java.util.stream.IntStream.range(0, 2_500).mapToObj(i -> runId + "-" + i).toList();
        sent.mark(runId, OBJECT, batch);
        sent.mark(runId, OBJECT, batch.subList(1_000, 2_500));

        List<PipelineRecord> answered = List.of(updated(batch.get(999), 1), updated(batch.get(1_000), 2),
                updated(batch.get(2_499), 3));
        try (Connection connection = dataSource.getConnection()) {
            sent.reclassify(connection, answered);
        }

        assertThat(answered).extracting(PipelineRecord::getOutcome)
                .containsExactly(Outcome.UPDATED, Outcome.LOADED, Outcome.LOADED);
        assertThat(rowsOfTheRun()).as("a thousand legacy ids a row").isEqualTo(5);
    }

    @Test
    void aStoppedRunKeepsWhatItSentAndAnEndedOneForgetsIt() throws Exception {
        sent.mark(runId, OBJECT, List.of(runId + "-a", runId + "-b"));

        runs.end(runId, "stopped", Instant.now());
        assertThat(rowsOfTheRun()).as("kept for the attempt that resumes it: a row for the batch").isEqualTo(1);
        runs.end(runId, "completed", Instant.now());
        assertThat(rowsOfTheRun()).isZero();
    }

    private long rowsOfTheRun() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from sent_batch where run_id = ?")) {
            count.setString(1, runId);
            try (java.sql.ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private PipelineRecord updated(String legacyId, long recordNumber) {
        PipelineRecord record = new PipelineRecord(runId, OBJECT, legacyId, recordNumber, "accounts.csv:" + recordNumber,
                Map.of(), "h");
        record.loaded("001000000000R0" + recordNumber + "AAA", false);
        return record;
    }
}
