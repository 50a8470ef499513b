package io.cutover.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The API call counts on the application's state store, counted from parallel load threads. */
@QuarkusTest
@QuarkusTestResource(value = SalesforceSandbox.class, restrictToAnnotatedClass = true)
class ApiCallsTest {

    private static final int OPERATIONS = 100;
    private static final int THREADS = 4;

    @Inject
    ApiCalls apiCalls;

    @Test
    void firstCallsOfAnOperationCountedAtOnceAreAllCounted() throws Exception {
        String runId = "test-" + UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            for (int operation = 0; operation < OPERATIONS; operation++) {
                String name = "op" + operation;
                // every thread counts the operation's first call at the same moment: the row does not exist yet
                CyclicBarrier together = new CyclicBarrier(THREADS);
                List<Future<?>> counts = new ArrayList<>();
                for (int thread = 0; thread < THREADS; thread++) {
                    counts.add(threads.submit(() -> {
                        together.await();
                        apiCalls.count(runId, "Account", name);
                        return null;
                    }));
                }
                for (Future<?> count : counts) {
                    count.get();
                }
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(apiCalls.of(runId).get("Account")).hasSize(OPERATIONS)
                .allSatisfy((operation, calls) -> assertThat(calls).as(operation).isEqualTo(THREADS));
    }
}
