package io.cutover.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutover.reverse.ReverseMapping;
import io.cutover.reverse.ReverseMappings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mapping files read backwards for the reverse sync: what goes back, how, and what cannot (docs/mapping.md). */
class ReverseMappingTest {

    @TempDir
    Path dir;

    @Test
    void fieldsWhoseMappingCanBeUndoneGoBackAndTheOthersAreListed() throws IOException {
        Path file = dir.resolve("account.yaml");
        Files.writeString(file, """
                object: Account
                externalId: Legacy_Id__c
                fields:
                  Name: {column: name, transforms: [trim, collapse]}
                  Phone: {column: phone, transforms: [{phone: {region: FR, invalid: keep}}]}
                  Type: {column: type, transforms: [{map: {values: {cust: Customer, prospect: Prospect}, unknown: pass}}]}
                  Industry: {column: industry, transforms: [{map: {values: {Major Banks: Banking, Commercial Banks: Banking}}}]}
                  Rating: {column: rating, transforms: [{map: {values: {"1": Hot, "2": Hot}}}]}
                  Description: {expression: "Client since ${body[since]}"}
                  Site: {columns: [city, country], transforms: [{concat: ", "}]}
                  SLAExpirationDate__c: {column: sla, transforms: [{date: dd/MM/yyyy}]}
                  ParentId: {parent: Account, column: parent_id}
                  AccountSource: {constant: Legacy CRM}
                reverse:
                  Rating: {column: rating, values: {Hot: "1"}}
                  Description: ignore
                  Website: web
                """);
        ReverseMapping reverse = ReverseMappings.of(MappingFiles.read(file));

        assertThat(reverse.fields()).containsOnlyKeys("Name", "Phone", "Type", "Rating", "Website");
        assertThat(reverse.parents()).containsOnlyKeys("ParentId");
        assertThat(reverse.parents().get("ParentId").column()).isEqualTo("parent_id");
        assertThat(reverse.notWrittenBack()).containsOnlyKeys("Industry", "Site", "SLAExpirationDate__c");
        assertThat(reverse.notWrittenBack().get("Industry")).contains("cannot be undone");
        assertThat(reverse.legacyValues(Map.of("Name", "ACME SA", "Phone", "+33142685300", "Type", "Customer",
                "Rating", "Hot", "Website", "acme.example", "AccountSource", "Salesforce"),
                List.of("Name", "Phone", "Type", "Rating", "Website", "AccountSource")))
                .containsExactly(Map.entry("name", "ACME SA"), Map.entry("phone", "+33142685300"), Map.entry("type", "cust"),
                        Map.entry("rating", "1"), Map.entry("web", "acme.example"));
        // a value the map does not list passes back as it is, as it passed forward
        assertThat(reverse.legacyValues(Map.of("Type", "Partner"), List.of("Type"))).containsEntry("type", "Partner");
    }

    @Test
    void compoundFieldsOfChangeEventsAreReadFlat() {
        assertThat(ReverseMapping.flat(Map.of("BillingAddress", Map.of("City", "Paris"), "Name", Map.of("LastName", "Doe"))))
                .containsEntry("BillingCity", "Paris").containsEntry("LastName", "Doe");
        assertThat(ReverseMapping.flatName("BillingAddress.PostalCode")).isEqualTo("BillingPostalCode");
        assertThat(ReverseMapping.flatName("Name.FirstName")).isEqualTo("FirstName");
    }
}
