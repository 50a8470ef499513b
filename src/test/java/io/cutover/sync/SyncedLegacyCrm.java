package io.cutover.sync;

import io.cutover.run.LegacyCrmExport;
import java.util.HashMap;
import java.util.Map;

/**
 * The legacy CRM simulator's accounts and contacts with change capture and soft deletes, and the cutover sync on: a
 * poll every half second, each read starting two seconds before the watermark.
 */
public class SyncedLegacyCrm extends LegacyCrmExport {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("cutover.sync.enabled", "true");
        config.put("cutover.sync.tick", "200ms");
        config.put("cutover.sync.poll-interval", "500ms");
        config.put("cutover.sync.overlap", "2s");
        config.put("cutover.sync.final-delta.max-cycles", "10");
        return config;
    }

    @Override
    protected Map<String, String> descriptions(String api) {
        return Map.of("accounts.yaml", """
                object: Account
                legacyId: account_id
                rest:
                  url: %s/accounts
                  records: "$.records"
                  paging: {style: offset, limit: 20}
                  auth: {bearer: legacy-crm-token}
                  retry: {attempts: 3, backoff: 10ms}
                  incremental: {parameter: updated_since, field: updated_at, deleted: deleted}
                """.formatted(api), "contacts.yaml", """
                object: Contact
                legacyId: contact_id
                rest:
                  url: %s/contacts?per_page=40
                  records: "$.records"
                  paging: {style: next-link, next: "$.next"}
                  auth: {bearer: legacy-crm-token}
                  retry: {attempts: 3, backoff: 10ms}
                  incremental: {parameter: updated_since, field: updated_at, deleted: deleted}
                """.formatted(api));
    }
}
