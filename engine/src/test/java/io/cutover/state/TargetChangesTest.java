package io.cutover.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The inbox of target changes, stored by sweeps that may read the same record versions at the same time. */
@QuarkusTest
@QuarkusTestResource(value = SalesforceSandbox.class, restrictToAnnotatedClass = true)
class TargetChangesTest {

    private static final int SWEEPS = 4;
    private static final int ROUNDS = 20;

    @Inject
    TargetChanges changes;

    @Test
    void sweepsStoringTheSameVersionsAtOnceStoreEachOnceAndNeitherFails() throws Exception {
        // an object of its own: the test state store outlives a test run
        String object = "T" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(SWEEPS);
        int stored = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<TargetChanges.Change> page = page(object, round);
                CyclicBarrier together = new CyclicBarrier(SWEEPS);
                List<Future<Integer>> sweeps = new ArrayList<>();
                for (int sweep = 0; sweep < SWEEPS; sweep++) {
                    sweeps.add(pool.submit(() -> {
                        together.await();
                        return changes.store(page, null);
                    }));
                }
                for (Future<Integer> sweep : sweeps) {
                    stored += sweep.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored).as("each version stored once, whichever sweep stored it").isEqualTo(ROUNDS * 10);
    }

    private static List<TargetChanges.Change> page(String object, int round) {
        Instant modstamp = Instant.parse("2026-12-06T08:00:00Z").plusSeconds(round);
        return IntStream.range(0, 10).mapToObj(i -> {
            String id = "001" + object + round + "R" + i;
            return new TargetChanges.Change(object, "sweep:" + id + "@" + modstamp, id, "SWEEP", null, modstamp,
                    List.of(), Map.<String, Object>of("Id", id));
        }).toList();
    }
}
