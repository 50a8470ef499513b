package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.pipeline.PipelineRecord;
import io.cutover.source.SourceRecord;
import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the source stage changed without rejecting a record travels on with it, to be reported with its outcome. */
@QuarkusTest
@QuarkusTestResource(value = SalesforceSandbox.class, restrictToAnnotatedClass = true)
class SourceWarningsTest {

    @Inject
    RecordMapper mapper;

    @Test
    void theMappingStageHandsOnTheSourceRecordsWarnings() {
        SourceRecord source = SourceRecord.read("Contact", "ContactRef7", "contacts.csv", 8, 7,
                Map.of("contact_id", "ContactRef7", "lastName", "Dupr\ufffd", "account_id", ""))
                .withWarning("column 'lastName': 1 undecodable byte sequence (not valid UTF-8) replaced by U+FFFD");

        PipelineRecord record = mapper.map(source, "run-1");

        assertThat(record.isLoadable()).isTrue();
        assertThat(record.getWarnings()).containsExactly("contacts.csv line 8 (record 7): column 'lastName': 1 "
                + "undecodable byte sequence (not valid UTF-8) replaced by U+FFFD");
    }
}
