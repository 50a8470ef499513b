package io.cutover.load;

import static io.cutover.load.LoadCalls.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.state.ApiCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits governor (routes/api-budget.yaml) in front of the load routes, with the sandbox's daily API requests set
 * near the reserve: what it does is counted, not timed.
 */
@QuarkusTest
@TestProfile(BulkTestProfile.class)
class ApiBudgetTest {

    /** cutover.load.api-reserve is 0.2: 200 of 1,000 requests stay free; the load slows down below 400. */
    private static final long MAX = 1000;

    @Inject
    ProducerTemplate camel;
    @Inject
    ApiBudget budget;
    @Inject
    ApiCalls apiCalls;

    private LoadCalls calls;
    private String runId;

    @BeforeEach
    void emptyOrg() {
        LoadCalls.resetOrg();
        calls = new LoadCalls(camel);
        runId = "budget-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void aFreshDay() {
        LoadCalls.resetOrg();
    }

    @Test
    void withMostOfTheBudgetLeftTheLoadGoesAtFullSpeed() {
        LoadCalls.apiUsage(MAX, 100);
        ApiBudget.Activity before = budget.activity();

        List<PipelineRecord> accounts = accounts(3);
        calls.load("direct:load-batch", runId, "Account", accounts, 200);
        calls.load("direct:load-salesforce-bulk", runId, "Account", accounts(5), 1000);

        ApiBudget.Activity done = budget.activity();
        assertThat(accounts).extracting(PipelineRecord::getOutcome).containsOnly(Outcome.LOADED);
        assertThat(done.limitsReads() - before.limitsReads()).isEqualTo(apiCalls.of(runId).get("Account").get("limits"))
                .isPositive();
        assertThat(done.slowedCalls()).isEqualTo(before.slowedCalls());
        assertThat(done.pauses()).isEqualTo(before.pauses());
    }

    @Test
    void everyAnswerTellsTheOrgsUsageSoLimitsIsReadOnlyAtTheRunsFirstCall() {
        LoadCalls.apiUsage(MAX, 100);
        ApiBudget.Activity before = budget.activity();

        // one record a call: 12 calls, more than read-every-calls (10) would allow without the answers' readings
        List<PipelineRecord> accounts = accounts(12);
        calls.load("direct:load-batch", runId, "Account", accounts, 1);

        ApiBudget.Activity done = budget.activity();
        Map<String, Long> counted = apiCalls.of(runId).get("Account");
        assertThat(accounts).extracting(PipelineRecord::getOutcome).containsOnly(Outcome.LOADED);
        assertThat(counted.get("limits")).isEqualTo(1);
        assertThat(done.limitsReads() - before.limitsReads()).isEqualTo(1);
        long calledInAll = counted.values().stream().mapToLong(Long::longValue).sum();
        assertThat(done.answerReadings() - before.answerReadings()).isEqualTo(calledInAll);
        // the last answer's figure: the day's 100 and every call of this run, the sandbox's own count
        assertThat(budget.reading(runId).orElseThrow().remaining()).isEqualTo(MAX - 100 - calledInAll);
    }

    @Test
    void belowTwiceTheReserveEveryCallIsSlowedDown() {
        LoadCalls.apiUsage(MAX, MAX - 350);
        ApiBudget.Activity before = budget.activity();

        List<PipelineRecord> accounts = accounts(5);
        calls.load("direct:load-salesforce-bulk", runId, "Account", accounts, 1000);

        ApiBudget.Activity done = budget.activity();
        assertThat(accounts).extracting(PipelineRecord::getOutcome).containsOnly(Outcome.LOADED);
        Map<String, Long> counted = apiCalls.of(runId).get("Account");
        long loadCalls = counted.entrySet().stream().filter(call -> !call.getKey().equals("limits"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(done.slowedCalls() - before.slowedCalls()).as("every call of the load").isEqualTo(loadCalls);
        assertThat(done.pauses()).isEqualTo(before.pauses());
    }

    @Test
    void atTheReserveTheLoadPausesUntilTheBudgetRecovers() throws Exception {
        LoadCalls.apiUsage(MAX, MAX - 150);
        ApiBudget.Activity before = budget.activity();
        Map<String, Long> countersBefore = LoadCalls.sandboxCounters();

        List<PipelineRecord> accounts = accounts(5);
        CompletableFuture<Void> load = CompletableFuture.runAsync(
                () -> calls.load("direct:load-salesforce-bulk", runId, "Account", accounts, 1000));
        waitsForTheBudget(load, before);
        assertThat(budget.activity().pauses()).isEqualTo(before.pauses() + 1);
        assertThat(LoadCalls.sandboxCounters().getOrDefault("BulkIngest.create", 0L))
                .as("no job created while paused").isEqualTo(countersBefore.getOrDefault("BulkIngest.create", 0L));

        LoadCalls.apiUsage(MAX, 0);
        load.get(1, TimeUnit.MINUTES);

        ApiBudget.Activity done = budget.activity();
        assertThat(accounts).extracting(PipelineRecord::getOutcome).containsOnly(Outcome.LOADED);
        assertThat(done.pauses()).isEqualTo(before.pauses() + 1);
        assertThat(done.limitsReads() - before.limitsReads()).isGreaterThanOrEqualTo(3)
                .isEqualTo(apiCalls.of(runId).get("Account").get("limits"));
        assertThat(done.slowedCalls()).as("full speed once recovered").isEqualTo(before.slowedCalls());
    }

    @Test
    void whenTheLimitIsReachedTheLoadPausesRatherThanFail() throws Exception {
        LoadCalls.apiUsage(MAX, MAX);
        ApiBudget.Activity before = budget.activity();

        List<PipelineRecord> accounts = accounts(2);
        CompletableFuture<Void> load = CompletableFuture.runAsync(
                () -> calls.load("direct:load-batch", runId, "Account", accounts, 200));
        waitsForTheBudget(load, before);
        LoadCalls.apiUsage(MAX, 0);
        load.get(1, TimeUnit.MINUTES);

        assertThat(budget.activity().pauses()).isEqualTo(before.pauses() + 1);
        assertThat(accounts).extracting(PipelineRecord::getOutcome).containsOnly(Outcome.LOADED);
    }

    private List<PipelineRecord> accounts(int count) {
        List<PipelineRecord> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accounts.add(record(runId, "Account", runId + "-" + i, i + 1, "Name", "Account " + i));
        }
        return accounts;
    }

    /** The load reads the org's limits three times while it waits, and does not end meanwhile. */
    private void waitsForTheBudget(CompletableFuture<Void> load, ApiBudget.Activity before) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10)).until(() -> {
            assertThat(load).as("the load waits for the budget").isNotDone();
            return budget.activity().limitsReads() >= before.limitsReads() + 3;
        });
    }
}
