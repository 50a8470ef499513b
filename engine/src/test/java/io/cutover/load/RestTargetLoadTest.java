package io.cutover.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.pipeline.Outcome;
import io.cutover.pipeline.PipelineRecord;
import io.cutover.run.FaultyGenericCrmTarget;
import io.cutover.sandbox.crm.GenericCrmCollection;
import io.cutover.sandbox.crm.GenericCrmFaults;
import io.cutover.sandbox.crm.GenericCrmStore;
import io.cutover.state.ApiCalls;
import io.cutover.state.Ledger;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of routes/load-rest-target.yaml, over real HTTP against the generic CRM simulator with its faults: every
 * record of a batch ends loaded, rejected (a 4xx other than 408 and 429) or marked to retry (5xx, 429, no answer in
 * time), and sending the records marked to retry again, as the load step does, never makes a record twice.
 */
@QuarkusTest
@QuarkusTestResource(value = FaultyGenericCrmTarget.class, restrictToAnnotatedClass = true)
class RestTargetLoadTest {

    private static final String RUN = "rest-target-load-test";

    @Inject
    ProducerTemplate camel;
    @Inject
    GenericCrmFaults faults;
    @Inject
    GenericCrmStore crm;
    @Inject
    Ledger ledger;
    @Inject
    ApiCalls apiCalls;

    @AfterEach
    void faultsOff() {
        faults.change(GenericCrmFaults.Settings.NONE);
    }

    @Test
    void aRateLimitedRecordIsToRetryAndTheRouteWaitsAsTheTargetAsked() {
        PipelineRecord account = account("RateLimited1");
        faults.change(new GenericCrmFaults.Settings(0, 1, 2, 0, 0, null));

        long started = System.nanoTime();
        load("Account", List.of(account));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(account.isRetrying()).isTrue();
        assertThat(account.getReasonCode()).isEqualTo("HTTP_429");
        assertThat(account.getMessage()).isEqualTo("accounts.csv line 2 (record 1): Account RateLimited1: PUT "
                + "/accounts/by-legacy-id/RateLimited1 answered 429: {\"error\":\"rate limit exceeded\"} (Retry-After: 2000 ms)");
        assertThat(tookMs).isGreaterThanOrEqualTo(2000);
        assertThat(crm.withLegacyId(GenericCrmCollection.ACCOUNTS, "RateLimited1")).isEmpty();

        faults.change(GenericCrmFaults.Settings.NONE);
        load("Account", List.of(account));

        assertThat(account.getOutcome()).isEqualTo(Outcome.LOADED);
        assertThat(account.getTargetId()).isEqualTo(crm.withLegacyId(GenericCrmCollection.ACCOUNTS, "RateLimited1").get(0).get("id"));
    }

    @Test
    void aServerErrorIsToRetryAndARefusalIsRejectedWithTheServersAnswer() {
        PipelineRecord unavailable = account("Unavailable1");
        faults.change(new GenericCrmFaults.Settings(1, 0, 1, 0, 0, null));

        load("Account", List.of(unavailable));

        assertThat(unavailable.isRetrying()).isTrue();
        assertThat(unavailable.getReasonCode()).isEqualTo("HTTP_503");
        assertThat(unavailable.getMessage()).isEqualTo("accounts.csv line 2 (record 1): Account Unavailable1: PUT "
                + "/accounts/by-legacy-id/Unavailable1 answered 503: {\"error\":\"the service is unavailable, try again later\"}");

        faults.change(GenericCrmFaults.Settings.NONE);
        PipelineRecord nameless = record("Account", "Nameless1", 7, Map.of("Legacy_Id__c", "Nameless1", "Name", " "));
        load("Account", List.of(nameless));

        assertThat(nameless.getOutcome()).isEqualTo(Outcome.REJECTED);
        assertThat(nameless.getReasonCode()).isEqualTo("HTTP_422");
        assertThat(nameless.getMessage()).isEqualTo("accounts.csv line 8 (record 7): Account Nameless1: PUT "
                + "/accounts/by-legacy-id/Nameless1 answered 422: {\"errors\":[{\"field\":\"Name\",\"message\":\"is required\"}]}");
    }

    @Test
    void aCreateAnsweredTooLateIsFoundByTheNextAttemptNotMadeTwice() {
        String accountId = loadedAccount("LateParent1");
        PipelineRecord contact = contact("LateContact1", accountId);
        PipelineRecord account = account("LateAccount1");
        faults.change(new GenericCrmFaults.Settings(0, 0, 1, 1, 4000, null));

        load("Contact", List.of(contact));
        load("Account", List.of(account));

        assertThat(contact.getReasonCode()).isEqualTo("TARGET_TIMEOUT");
        assertThat(contact.getMessage()).startsWith("contacts.csv line 2 (record 1): Contact LateContact1: POST /contacts "
                + "got no answer within the timeout (3000 ms)");
        assertThat(account.getReasonCode()).isEqualTo("TARGET_TIMEOUT");
        // the writes were done all the same
        assertThat(crm.withLegacyId(GenericCrmCollection.CONTACTS, "LateContact1")).hasSize(1);
        assertThat(crm.withLegacyId(GenericCrmCollection.ACCOUNTS, "LateAccount1")).hasSize(1);

        faults.change(GenericCrmFaults.Settings.NONE);
        load("Contact", List.of(contact));
        load("Account", List.of(account));

        // made by the call whose answer was lost: loaded, not updated
        assertThat(contact.getOutcome()).isEqualTo(Outcome.LOADED);
        assertThat(account.getOutcome()).isEqualTo(Outcome.LOADED);
        assertThat(crm.withLegacyId(GenericCrmCollection.CONTACTS, "LateContact1")).singleElement()
                .satisfies(record -> assertThat(record.get("id")).isEqualTo(contact.getTargetId()));
        assertThat(crm.withLegacyId(GenericCrmCollection.ACCOUNTS, "LateAccount1")).singleElement()
                .satisfies(record -> assertThat(record.get("id")).isEqualTo(account.getTargetId()));
    }

    @Test
    void aRecordDeletedInTheTargetSinceItWasLoadedIsCreatedAgain() {
        String accountId = loadedAccount("GoneParent1");
        PipelineRecord loadedBefore = contact("GoneContact1", accountId);
        loadedBefore.loaded("9f2d7a4e-0000-0000-0000-deleted00000", true);
        ledger.record(List.of(loadedBefore));
        PipelineRecord contact = contact("GoneContact1", accountId);

        load("Contact", List.of(contact));

        assertThat(contact.getOutcome()).isEqualTo(Outcome.LOADED);
        assertThat(crm.withLegacyId(GenericCrmCollection.CONTACTS, "GoneContact1")).singleElement()
                .satisfies(record -> assertThat(record.get("id")).isEqualTo(contact.getTargetId()));
    }

    @Test
    void withEveryFaultOnEveryRecordEndsLoadedOrRejectedAndNoneIsMadeTwice() {
        List<PipelineRecord> accounts = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            accounts.add(account("FaultyAccount" + i));
        }
        faults.change(new GenericCrmFaults.Settings(0.15, 0.05, 1, 0.05, 4000, 20261122L));

        Set<String> firstAttempt = retryUntilDecided("Account", accounts);

        List<PipelineRecord> contacts = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            contacts.add(contact("FaultyContact" + i, accounts.get(i % 20).getTargetId()));
        }
        PipelineRecord refused = record("Contact", "FaultyContact41", 41,
                Map.of("Legacy_Id__c", "FaultyContact41", "LastName", "Bluth", "Email", "not an address"));
        contacts.add(refused);
        firstAttempt.addAll(retryUntilDecided("Contact", contacts));

        // the faults did happen, and were overcome
        assertThat(firstAttempt).contains("HTTP_503", "HTTP_429");
        for (PipelineRecord record : accounts) {
            assertThat(record.getOutcome()).as("%s", record).isEqualTo(Outcome.LOADED);
        }
        for (PipelineRecord record : contacts.subList(0, 40)) {
            assertThat(record.getOutcome()).as("%s: %s", record, record.getMessage()).isEqualTo(Outcome.LOADED);
        }
        assertThat(refused.getOutcome()).isEqualTo(Outcome.REJECTED);
        assertThat(refused.getReasonCode()).isEqualTo("HTTP_422");
        assertThat(idsByLegacyId(GenericCrmCollection.ACCOUNTS, "FaultyAccount"))
                .isEqualTo(accounts.stream().collect(Collectors.toMap(PipelineRecord::getLegacyId, PipelineRecord::getTargetId)));
        assertThat(idsByLegacyId(GenericCrmCollection.CONTACTS, "FaultyContact")).isEqualTo(contacts.subList(0, 40).stream()
                .collect(Collectors.toMap(PipelineRecord::getLegacyId, PipelineRecord::getTargetId)));
        Map<String, Long> calls = apiCalls.of(RUN).get("Contact");
        assertThat(calls.get("search")).isGreaterThanOrEqualTo(41);
        assertThat(calls.get("create")).isGreaterThanOrEqualTo(41);
    }

    /**
     * Sends the records, then the ones marked to retry again, as the load step does, until every record is decided;
     * returns the reason codes of the retries asked for.
     */
    private Set<String> retryUntilDecided(String object, List<PipelineRecord> batch) {
        Set<String> retried = new TreeSet<>();
        List<PipelineRecord> pending = batch;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            assertThat(attempt).as("attempts for %s", pending).isLessThanOrEqualTo(30);
            load(object, pending);
            pending = pending.stream().filter(PipelineRecord::isRetrying).toList();
            for (PipelineRecord record : pending) {
                retried.add(record.getReasonCode());
                record.withAttempts(attempt);
            }
        }
        return retried;
    }

    /** The legacy ids starting with the prefix and their records' ids, checking that each legacy id is held once. */
    private Map<String, String> idsByLegacyId(GenericCrmCollection collection, String prefix) {
        Map<String, String> ids = new HashMap<>();
        for (Map<String, Object> record : crm.all(collection)) {
            String legacyId = String.valueOf(record.get(GenericCrmStore.LEGACY_ID));
            if (legacyId.startsWith(prefix)) {
                assertThat(ids.put(legacyId, (String) record.get("id"))).as("a second record for %s", legacyId).isNull();
            }
        }
        return ids;
    }

    private String loadedAccount(String legacyId) {
        PipelineRecord account = account(legacyId);
        load("Account", List.of(account));
        assertThat(account.getOutcome()).isEqualTo(Outcome.LOADED);
        return account.getTargetId();
    }

    private void load(String object, List<PipelineRecord> batch) {
        Exchange done = camel.send("direct:load-batch", exchange -> {
            exchange.setProperty("runId", RUN);
            exchange.setProperty("object", object);
            exchange.getMessage().setBody(batch);
        });
        assertThat(done.getException()).isNull();
        assertThat(batch).allSatisfy(record -> assertThat(record.getOutcome() != null || record.isRetrying())
                .as("%s is marked", record).isTrue());
    }

    private static PipelineRecord account(String legacyId) {
        return record("Account", legacyId, 1, Map.of("Legacy_Id__c", legacyId, "Name", "Account " + legacyId));
    }

    private static PipelineRecord contact(String legacyId, String accountId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Legacy_Id__c", legacyId);
        fields.put("LastName", "Contact " + legacyId);
        fields.put("Email", legacyId.toLowerCase() + "@example.com");
        fields.put("AccountId", accountId);
        return record("Contact", legacyId, 1, fields);
    }

    private static PipelineRecord record(String object, String legacyId, long recordNumber, Map<String, Object> fields) {
        String file = object.equals("Account") ? "accounts.csv" : "contacts.csv";
        return new PipelineRecord(RUN, object, legacyId, recordNumber,
                file + " line " + (recordNumber + 1) + " (record " + recordNumber + ")", fields, "hash-" + legacyId);
    }
}
