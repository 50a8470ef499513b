package io.cutover.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetSchemaTest {

    @Test
    void builtInSchemaComesFromTheRecordedDescribesPlusTheLegacyIdOverlay() {
        TargetSchema schema = schema(Optional.empty());

        assertThat(schema.objectNames()).contains("Account", "Contact", "Opportunity", "Lead", "Case", "Custom__c");
        SObjectDescribe contact = schema.find("contact").orElseThrow();
        assertThat(contact.name()).isEqualTo("Contact");
        assertThat(contact.keyPrefix()).isEqualTo("003");
        assertThat(contact.field("lastname").orElseThrow().requiredOnCreate()).isTrue();
        assertThat(contact.field("FirstName").orElseThrow().requiredOnCreate()).isFalse();
        FieldDescribe accountId = contact.field("AccountId").orElseThrow();
        assertThat(accountId.referenceTo()).containsExactly("Account");
        assertThat(accountId.relationshipName()).isEqualTo("Account");
        for (String object : new String[] { "Account", "Contact", "Opportunity", "Lead", "Case" }) {
            FieldDescribe legacyId = schema.find(object).orElseThrow().field("Legacy_Id__c").orElseThrow();
            assertThat(legacyId.externalId()).isTrue();
            assertThat(legacyId.unique()).isTrue();
            assertThat(legacyId.length()).isEqualTo(40);
            assertThat(legacyId.requiredOnCreate()).isFalse();
        }
        assertThat(schema.find("Custom__c").orElseThrow().field("Legacy_Id__c")).isEmpty();
    }

    @Test
    void aSchemaFolderReplacesDescribesAndAddsOverlayFields(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("Invoice__c.json"), """
                {"name": "Invoice__c", "keyPrefix": "a0X", "label": "Invoice", "custom": true, "fields": [
                  {"name": "Id", "type": "id", "length": 18, "nillable": false, "createable": false,
                   "updateable": false, "defaultedOnCreate": true, "picklistValues": [], "referenceTo": []},
                  {"name": "Amount__c", "type": "currency", "nillable": false, "createable": true,
                   "updateable": true, "defaultedOnCreate": false, "picklistValues": [], "referenceTo": []}]}
                """);
        Files.writeString(folder.resolve("custom-fields.yaml"), """
                Invoice__c:
                  - name: Erp_Number__c
                    type: string
                    length: 20
                    externalId: true
                """);

        TargetSchema schema = schema(Optional.of(folder));

        SObjectDescribe invoice = schema.find("invoice__c").orElseThrow();
        assertThat(invoice.keyPrefix()).isEqualTo("a0X");
        assertThat(invoice.field("Amount__c").orElseThrow().requiredOnCreate()).isTrue();
        assertThat(invoice.field("Erp_Number__c").orElseThrow().externalId()).isTrue();
        assertThat(schema.find("Account").orElseThrow().field("Legacy_Id__c")).isPresent();
    }

    private static TargetSchema schema(Optional<Path> folder) {
        DescribeDocuments documents = new DescribeDocuments();
        documents.schemaDir = folder;
        documents.load();
        TargetSchema schema = new TargetSchema();
        schema.documents = documents;
        schema.build();
        return schema;
    }
}
