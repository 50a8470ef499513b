package io.cutover.source;

import io.cutover.run.LegacyCrmExport;
import java.util.Map;

/**
 * Two legacy CRMs serving contacts, as after a merger: {@code eu} serves every contact of the simulator, {@code us} those
 * whose id ends in 5 (through a JSONPath filter on the same collection), so that both systems have contacts numbered
 * alike (ContactRef5 in each) and each its own changes. Each source has its own source name, constant column and
 * watermark; the accounts come from one system, their ids as they are.
 */
public class TwoLegacyCrms extends LegacyCrmExport {

    @Override
    protected Map<String, String> descriptions(String api) {
        return Map.of("accounts.yaml", """
                object: Account
                legacyId: account_id
                rest:
                  url: %1$s/accounts
                  records: "$.records"
                  paging: {style: offset, limit: 20}
                  auth: {bearer: legacy-crm-token}
                  incremental: {parameter: updated_since, field: updated_at}
                """.formatted(api), "contacts-eu.yaml", """
                object: Contact
                legacyId: contact_id
                source: eu
                values: {region: Europe}
                rest:
                  url: %1$s/contacts?per_page=40
                  records: "$.records"
                  paging: {style: next-link, next: "$.next"}
                  auth: {bearer: legacy-crm-token}
                  incremental: {parameter: updated_since, field: updated_at}
                  writeBack:
                    read: GET %1$s/contacts/{id}
                    create: POST %1$s/contacts
                    update: PATCH %1$s/contacts/{id}
                    delete: DELETE %1$s/contacts/{id}
                """.formatted(api), "contacts-us.yaml", """
                object: Contact
                legacyId: contact_id
                source: us
                values: {region: Americas}
                rest:
                  url: %1$s/contacts?per_page=40
                  records: "$.records[?(@.contact_id =~ /.*5$/)]"
                  paging: {style: next-link, next: "$.next"}
                  auth: {apiKey: {header: X-API-Key, value: legacy-crm-api-key}}
                  incremental: {parameter: updated_since, field: updated_at}
                  writeBack:
                    read: GET %1$s/contacts/{id}
                    update: PATCH %1$s/contacts/{id}
                    delete: DELETE %1$s/contacts/{id}
                """.formatted(api));
    }
}
