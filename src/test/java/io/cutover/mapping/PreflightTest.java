package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.schema.FieldDescribe;
import io.cutover.schema.SObjectDescribe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreflightTest {

    private static final SObjectDescribe CONTACT = new SObjectDescribe("Contact", "003", Map.of(
            "LastName", field("LastName", "string", 80, false),
            "Email", field("Email", "email", 80, true),
            "Salutation", new FieldDescribe("Salutation", "picklist", 40, true, true, true, false, false, false,
                    List.of("Mr.", "Ms.", "Dr."), true, List.of(), null),
            "NumberOfEmployees__c", field("NumberOfEmployees__c", "int", 0, true),
            "Birthdate", field("Birthdate", "date", 0, true),
            "HasOptedOutOfEmail", field("HasOptedOutOfEmail", "boolean", 0, false),
            "AccountId", new FieldDescribe("AccountId", "reference", 18, true, true, true, false, false, false,
                    List.of(), false, List.of("Account"), "Account")));

    private final Preflight preflight = new Preflight(CONTACT, List.of("LastName", "Email", "Salutation",
            "NumberOfEmployees__c", "Birthdate", "HasOptedOutOfEmail", "AccountId"), true);

    @Test
    void aRecordTheTargetWouldAcceptPasses() {
        assertThat(preflight.check(valid())).isNull();
    }

    @Test
    void eachBrokenRuleNamesItsCodeFieldAndValue() {
        assertThat(violation("LastName", null)).isEqualTo(
                new Preflight.Violation("REQUIRED_FIELD_MISSING", "LastName", null, "the target requires a value"));
        assertThat(violation("LastName", "x".repeat(81)).reasonCode()).isEqualTo("STRING_TOO_LONG");
        assertThat(violation("LastName", "Ș".repeat(80))).as("characters, not bytes").isNull();
        assertThat(violation("Email", "ana.popescu@@example.ro")).extracting(Preflight.Violation::reasonCode,
                Preflight.Violation::field, Preflight.Violation::value)
                .containsExactly("INVALID_EMAIL", "Email", "ana.popescu@@example.ro");
        assertThat(violation("Salutation", "Mme").reasonCode()).isEqualTo("INVALID_PICKLIST_VALUE");
        assertThat(violation("NumberOfEmployees__c", "12.5").reasonCode()).isEqualTo("INVALID_NUMBER");
        assertThat(violation("NumberOfEmployees__c", "1 234").reasonCode()).isEqualTo("INVALID_NUMBER");
        assertThat(violation("NumberOfEmployees__c", "120.00")).isNull();
        assertThat(violation("Birthdate", "31/12/1980").reasonCode()).isEqualTo("INVALID_DATE");
        assertThat(violation("HasOptedOutOfEmail", "oui").reasonCode()).isEqualTo("INVALID_BOOLEAN");
        assertThat(violation("HasOptedOutOfEmail", null)).as("booleans default to false").isNull();
        assertThat(violation("AccountId", "AccountRef1").reasonCode()).isEqualTo("MALFORMED_ID");
    }

    @Test
    void anotherCrmsReferencesAreNotSalesforceIds() {
        Preflight restTarget = new Preflight(CONTACT, List.of("LastName", "AccountId"), false);
        Map<String, Object> record = valid();
        record.put("AccountId", "5b0f5c8e-6a3e-4f57-9d36-2b1f1d0c2a11");

        assertThat(restTarget.check(record)).isNull();
        assertThat(preflight.check(record).reasonCode()).isEqualTo("MALFORMED_ID");
    }

    @Test
    void anUnrestrictedPicklistTakesAnyValueThatFits() {
        SObjectDescribe account = new SObjectDescribe("Account", "001", Map.of("Industry", new FieldDescribe("Industry",
                "picklist", 40, true, true, true, false, false, false, List.of("Banking"), false, List.of(), null)));
        assertThat(new Preflight(account, List.of("Industry"), true).check(Map.of("Industry", "Tobacco"))).isNull();
        assertThat(new Preflight(account, List.of("Industry"), true)
                .check(Map.of("Industry", "Biotechnology: Laboratory Analytical Instruments")).reasonCode())
                .isEqualTo("STRING_TOO_LONG");
    }

    private Preflight.Violation violation(String field, Object value) {
        Map<String, Object> record = valid();
        record.put(field, value);
        return preflight.check(record);
    }

    private static Map<String, Object> valid() {
        Map<String, Object> record = new HashMap<>();
        record.put("LastName", "Virtanen");
        record.put("Email", "ana.popescu@example.ro");
        record.put("Salutation", "Dr.");
        record.put("NumberOfEmployees__c", "120");
        record.put("Birthdate", "1980-12-31");
        record.put("HasOptedOutOfEmail", "false");
        record.put("AccountId", "001000000000001AAA");
        return record;
    }

    private static FieldDescribe field(String name, String type, int length, boolean nillable) {
        return new FieldDescribe(name, type, length, nillable, true, true, false, false, false, List.of(), false, List.of(),
                null);
    }
}
