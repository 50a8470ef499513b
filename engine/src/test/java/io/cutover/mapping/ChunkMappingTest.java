package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.source.SourceRecord;
import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A chunk of the export mapped on several threads comes out as each of its records mapped alone would, at its place:
 * the export's order (which parent references need), every record its own identity, values, hash and outcome.
 */
@QuarkusTest
@TestProfile(ChunkMappingTest.ThreeMappingThreads.class)
class ChunkMappingTest {

    public static class ThreeMappingThreads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return SalesforceSandbox.on(Map.of("cutover.read.mapping-threads", "3"));
        }
    }

    @Inject
    RecordMapper mapper;

    @Test
    void aChunkMappedInParallelIsEachRecordMappedAloneInTheExportsOrder() {
        List<Object> chunk = new ArrayList<>();
        for (int number = 1; number <= 1000; number++) {
            // every 10th record decided before the mapping (skipped), every 7th one an industry the mapping rejects
            if (number % 10 == 0) {
                PipelineRecord skipped = new PipelineRecord("run-1", "Account", "A" + number, number,
                        "accounts.csv line " + (number + 1), Map.of(), null);
                skipped.skip("NOT_IN_SAMPLE", "beyond the sample");
                chunk.add(skipped);
            } else {
                chunk.add(SourceRecord.read("Account", "A" + number, "accounts.csv", number + 1, number, Map.of(
                        "account_id", "A" + number, "name", "  Account   " + number, "phone", "(415) 555-" + (1000 + number),
                        "billingcountry", number % 3 == 0 ? "FR" : "US",
                        "industry", number % 7 == 0 ? "Alchemy" : "Broadcasting")));
            }
        }

        List<PipelineRecord> mapped = mapper.mapChunk(chunk, "run-1");

        assertThat(mapped).hasSameSizeAs(chunk);
        for (int index = 0; index < chunk.size(); index++) {
            PipelineRecord record = mapped.get(index);
            if (chunk.get(index) instanceof SourceRecord source) {
                PipelineRecord alone = mapper.map(source, "run-1");
                assertThat(record.getRecordNumber()).isEqualTo(source.recordNumber());
                assertThat(record.getLegacyId()).isEqualTo(source.legacyId());
                assertThat(record.getFields()).isEqualTo(alone.getFields());
                assertThat(record.getContentHash()).isEqualTo(alone.getContentHash());
                assertThat(record.getOutcome()).isEqualTo(alone.getOutcome());
                assertThat(record.getReasonCode()).isEqualTo(alone.getReasonCode());
            } else {
                assertThat(record).as("a record decided before the mapping passes as it is").isSameAs(chunk.get(index));
            }
        }
        assertThat(mapped).extracting(PipelineRecord::getOutcome).contains(Outcome.REJECTED, Outcome.SKIPPED);
        assertThat(mapped.get(0).getFields()).containsEntry("Name", "Account 1").containsEntry("Phone", "+14155551001");
    }
}
