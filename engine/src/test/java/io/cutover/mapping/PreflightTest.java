package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.schema.BuiltInDescribes;
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
                    List.of("Mr.", "Ms.", "Dr."), true, List.of(), null, false, false),
            "NumberOfEmployees__c", field("NumberOfEmployees__c", "int", 0, true),
            "Birthdate", field("Birthdate", "date", 0, true),
            "HasOptedOutOfEmail", field("HasOptedOutOfEmail", "boolean", 0, false),
            "AccountId", new FieldDescribe("AccountId", "reference", 18, true, true, true, false, false, false,
                    List.of(), false, List.of("Account"), "Account", false, false)));

    private final Preflight preflight = new Preflight(CONTACT, List.of("LastName", "Email", "Salutation",
            "NumberOfEmployees__c", "Birthdate", "HasOptedOutOfEmail", "AccountId"), BuiltInDescribes.schema(), true);

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
        assertThat(violation("AccountId", "0018d00000AbCdEf").reasonCode()).as("16 characters").isEqualTo("MALFORMED_ID");
    }

    @Test
    void aReferenceHoldsAnIdOfTheObjectItReferencesByItsKeyPrefix() {
        assertThat(violation("AccountId", "0018d000000Ab1cAAC")).as("an Account id").isNull();
        assertThat(violation("AccountId", "0018d000000Ab1c")).as("its 15-character form").isNull();
        assertThat(violation("AccountId", "0058d000000AdmnAAC")).isEqualTo(new Preflight.Violation(
                "REFERENCE_TO_WRONG_OBJECT", "AccountId", "0058d000000AdmnAAC",
                "the id of a record of User (005), but the field references Account (001)"));
        SObjectDescribe task = new SObjectDescribe("Task", "00T", Map.of(
                "WhoId", reference("WhoId", "Contact", "Lead"), "Custom__c", reference("Custom__c", "Not_Described__c")));
        Preflight polymorphic = new Preflight(task, List.of("WhoId", "Custom__c"), BuiltInDescribes.schema(), true);
        assertThat(polymorphic.check(Map.of("WhoId", "00Q8d000000LeadAAA"))).as("a Lead").isNull();
        assertThat(polymorphic.check(Map.of("WhoId", "0018d000000Ab1cAAC")).problem())
                .isEqualTo("the id of a record of Account (001), but the field references Contact or Lead (003, 00Q)");
        assertThat(polymorphic.check(Map.of("Custom__c", "a008d000000Ab1cAAC"))).as("no key prefix known to check").isNull();
    }

    @Test
    void anotherCrmsReferencesAreNotSalesforceIds() {
        Preflight restTarget = new Preflight(CONTACT, List.of("LastName", "AccountId"), BuiltInDescribes.schema(), false);
        Map<String, Object> record = valid();
        record.put("AccountId", "5b0f5c8e-6a3e-4f57-9d36-2b1f1d0c2a11");

        assertThat(restTarget.check(record)).isNull();
        assertThat(preflight.check(record).reasonCode()).isEqualTo("MALFORMED_ID");
    }

    @Test
    void anUnrestrictedPicklistTakesAnyValueThatFits() {
        SObjectDescribe account = new SObjectDescribe("Account", "001", Map.of("Industry", new FieldDescribe("Industry",
                "picklist", 40, true, true, true, false, false, false, List.of("Banking"), false, List.of(), null, false, false)));
        assertThat(new Preflight(account, List.of("Industry"), BuiltInDescribes.schema(), true).check(Map.of("Industry", "Tobacco"))).isNull();
        assertThat(new Preflight(account, List.of("Industry"), BuiltInDescribes.schema(), true)
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

    private static FieldDescribe reference(String name, String... objects) {
        return new FieldDescribe(name, "reference", 18, true, true, true, false, false, false, List.of(), false,
                List.of(objects), null, false, false);
    }

    private static FieldDescribe field(String name, String type, int length, boolean nillable) {
        return new FieldDescribe(name, type, length, nillable, true, true, false, false, false, List.of(), false, List.of(),
                null, false, false);
    }
}
