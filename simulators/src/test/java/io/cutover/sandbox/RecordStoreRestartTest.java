package io.cutover.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With storage=jdbc the org is a file: what one run wrote, the next run reads, as a real org keeps its data. */
class RecordStoreRestartTest {

    @TempDir
    Path folder;

    @Test
    void recordsKeysAndTheIdSequenceSurviveARestart() {
        String url = "jdbc:h2:file:" + folder.resolve("org").toAbsolutePath();
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("Name", "Bluth Company").put("Legacy_Id__c", "A-1");

        RecordStore firstRun = new RecordStore();
        firstRun.changeEvents = new ChangeEventSignal();
        firstRun.open(url);
        String id = firstRun.write(org -> {
            String newId = SalesforceIds.newId("001", org.nextRecordNumber());
            org.insert(new StoredRecord(newId, "Account", fields), Map.of("Legacy_Id__c", "a-1"));
            return newId;
        });
        firstRun.close();

        RecordStore secondRun = new RecordStore();
        secondRun.open(url);
        try {
            StoredRecord found = secondRun.read(org -> org.find(id)).orElseThrow();
            assertThat(found.objectName()).isEqualTo("Account");
            assertThat(found.fields().get("Name").asText()).isEqualTo("Bluth Company");
            // its change event too, for a subscriber that resumes after the restart
            List<ChangeEvents.Event> events = secondRun.read(org -> org.eventsAfter(0, null, 10));
            assertThat(events).singleElement()
                    .satisfies(event -> assertThat(event.payload()).contains("\"changeType\":\"CREATE\"", id));
            List<String> byLegacyId = secondRun.read(org -> org.idsByKey("Account", "Legacy_Id__c", "a-1"));
            assertThat(byLegacyId).containsExactly(id);
            long accounts = secondRun.read(org -> org.count("Account"));
            assertThat(accounts).isEqualTo(1);
            long next = secondRun.write(org -> org.nextRecordNumber());
            assertThat(SalesforceIds.newId("001", next)).as("ids are never reused").isGreaterThan(id);
        } finally {
            secondRun.close();
        }
    }
}
