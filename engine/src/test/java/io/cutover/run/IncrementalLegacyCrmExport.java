package io.cutover.run;

import java.util.Map;

/**
 * The legacy CRM simulator's accounts and contacts read incrementally: after a complete read, only the records changed
 * since its watermark. Two attempts a page, so that an unavailable API fails a run quickly.
 */
public class IncrementalLegacyCrmExport extends LegacyCrmExport {

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
                  retry: {attempts: 2, backoff: 10ms}
                  incremental: {parameter: updated_since, field: updated_at}
                """.formatted(api), "contacts.yaml", """
                object: Contact
                legacyId: contact_id
                rest:
                  url: %s/contacts?per_page=40
                  records: "$.records"
                  paging: {style: next-link, next: "$.next"}
                  auth: {bearer: legacy-crm-token}
                  retry: {attempts: 2, backoff: 10ms}
                  incremental: {parameter: updated_since, field: updated_at}
                """.formatted(api));
    }
}
