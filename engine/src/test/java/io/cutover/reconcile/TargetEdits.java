package io.cutover.reconcile;

import io.cutover.run.SandboxQueries;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;

/**
 * What people do in the target after a run, through the Salesforce API: delete a migrated contact, create one with a
 * legacy id of their own, change another's title, empty a fourth one's account; and the lines the reconciliation's
 * Contact.csv is to hold for them ({@code legacy_id target_id problem field expected | found}).
 */
final class TargetEdits {

    private TargetEdits() {
    }

    static List<String> make(ProducerTemplate camel) {
        SandboxQueries target = new SandboxQueries(camel);
        Map<String, String> ids = target.byLegacyId("Contact", "Id");
        String sentTitle = target.byLegacyId("Contact", "Title").get("ContactRef8");
        String sentAccount = target.byLegacyId("Contact", "AccountId").get("ContactRef9");

        camel.requestBodyAndHeaders("salesforce:deleteSObject", null,
                Map.of("sObjectName", "Contact", "sObjectId", ids.get("ContactRef7")));
        String foreignId = camel.requestBodyAndHeaders("salesforce:createSObject?rawPayload=true",
                "{\"LastName\": \"Nobody\", \"Legacy_Id__c\": \"NOT-MIGRATED-1\"}", Map.of("sObjectName", "Contact"),
                String.class).replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        camel.requestBodyAndHeaders("salesforce:updateSObject?rawPayload=true", "{\"Title\": \"Changed in Salesforce\"}",
                Map.of("sObjectName", "Contact", "sObjectId", ids.get("ContactRef8")));
        camel.requestBodyAndHeaders("salesforce:updateSObject?rawPayload=true", "{\"AccountId\": null}",
                Map.of("sObjectName", "Contact", "sObjectId", ids.get("ContactRef9")));

        return List.of("NOT-MIGRATED-1 " + foreignId + " IN_TARGET_NOT_IN_LEDGER   | ",
                "ContactRef7 " + ids.get("ContactRef7") + " IN_LEDGER_NOT_IN_TARGET   | ",
                "ContactRef8 " + ids.get("ContactRef8") + " CHANGED_IN_TARGET Title " + sentTitle + " | Changed in Salesforce",
                "ContactRef9 " + ids.get("ContactRef9") + " CHANGED_IN_TARGET AccountId " + sentAccount + " | ",
                "ContactRef9 " + ids.get("ContactRef9") + " ORPHAN AccountId " + sentAccount + " | ");
    }
}
