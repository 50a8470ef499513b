package io.cutover.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class SandboxSalesforceApiTest {

    /** Generic records: a List of Maps, serialised by the component's Jackson mapper (see docs/sandbox.md). */
    static final String UPSERT_ACCOUNTS = "salesforce:compositeUpsertSObjectCollections"
            + "?sObjectName=Account&sObjectIdName=Legacy_Id__c&allOrNone=false";
    static final String UPSERT_CONTACTS = "salesforce:compositeUpsertSObjectCollections"
            + "?sObjectName=Contact&sObjectIdName=Legacy_Id__c&allOrNone=false";

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    ProducerTemplate camel;

    @BeforeEach
    void emptyOrg() {
        given().post("/sandbox/admin/reset").then().statusCode(200);
    }

    @Test
    void upsertCreatesThenUpdatesByExternalIdThroughCamelSalesforce() {
        List<UpsertSObjectResult> first = upsert(UPSERT_ACCOUNTS,
                List.of(account("A-1", "Bluth Company"), account("A-2", "Sitwell Enterprises")));
        assertThat(first).extracting(UpsertSObjectResult::getSuccess).containsExactly(true, true);
        assertThat(first).extracting(UpsertSObjectResult::getCreated).containsExactly(true, true);
        for (UpsertSObjectResult result : first) {
            assertThat(result.getId()).hasSize(18).startsWith("001");
            assertThat(SalesforceIds.to18(result.getId().substring(0, 15))).isEqualTo(result.getId());
        }

        List<UpsertSObjectResult> second = upsert(UPSERT_ACCOUNTS,
                List.of(account("a-1", "Bluth Company Renamed"), account("A-3", "Austero Bluth")));
        assertThat(second).extracting(UpsertSObjectResult::getCreated).containsExactly(false, true);
        assertThat(second.get(0).getId()).isEqualTo(first.get(0).getId());

        assertThat(count("Account")).isEqualTo(3);
        JsonNode renamed = query("SELECT Id, Name, Legacy_Id__c, CreatedDate, SystemModstamp, CreatedById FROM Account"
                + " WHERE Legacy_Id__c = 'A-1'");
        assertThat(renamed.get("totalSize").asInt()).isEqualTo(1);
        JsonNode record = renamed.get("records").get(0);
        assertThat(record.get("Name").asText()).isEqualTo("Bluth Company Renamed");
        assertThat(record.get("attributes").get("type").asText()).isEqualTo("Account");
        assertThat(record.get("attributes").get("url").asText())
                .matches("/services/data/v\\d+\\.0/sobjects/Account/" + first.get(0).getId());
        assertThat(record.get("CreatedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(record.get("CreatedById").asText()).isEqualTo(OAuthResource.USER_ID);
    }

    @Test
    void contactsGetTheirAccountByExternalIdAndBadRecordsGetSalesforceErrors() {
        String accountId = upsert(UPSERT_ACCOUNTS, List.of(account("A-1", "Bluth Company"))).get(0).getId();
        Map<String, Object> linked = contact("C-1", "Bluth");
        linked.put("Account", Map.of("Legacy_Id__c", "A-1"));
        Map<String, Object> withoutLastName = contact("C-2", null);
        withoutLastName.remove("LastName");
        Map<String, Object> tooLong = contact("C-3", "x".repeat(81));
        Map<String, Object> unknownField = contact("C-4", "Funke");
        unknownField.put("FavoritePet__c", "Dog");
        Map<String, Object> danglingAccount = contact("C-5", "Fünke");
        danglingAccount.put("AccountId", "0018d0000000zzzAAA");
        Map<String, Object> unknownParent = contact("C-6", "Veal");
        unknownParent.put("Account", Map.of("Legacy_Id__c", "NO-SUCH"));
        Map<String, Object> badSalutation = contact("C-7", "Loblaw");
        badSalutation.put("LeadSource", "Carrier Pigeon");

        List<UpsertSObjectResult> results = upsert(UPSERT_CONTACTS, List.of(linked, withoutLastName, tooLong,
                unknownField, danglingAccount, unknownParent, badSalutation));

        assertThat(results.get(0).getSuccess()).isTrue();
        assertThat(errorCode(results.get(1))).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(results.get(1).getErrors().get(0).getFields()).containsExactly("LastName");
        assertThat(results.get(1).getErrors().get(0).getMessage()).isEqualTo("Required fields are missing: [LastName]");
        assertThat(errorCode(results.get(2))).isEqualTo("STRING_TOO_LONG");
        assertThat(errorCode(results.get(3))).isEqualTo("INVALID_FIELD");
        assertThat(errorCode(results.get(4))).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(results.get(4).getErrors().get(0).getFields()).containsExactly("AccountId");
        assertThat(errorCode(results.get(5))).isEqualTo("INVALID_FIELD");
        assertThat(results.get(5).getErrors().get(0).getMessage()).contains("NO-SUCH");
        assertThat(results.get(6).getSuccess()).as("LeadSource is not a restricted picklist").isTrue();

        JsonNode contact = query("SELECT Id, Name, AccountId, Legacy_Id__c FROM Contact WHERE Legacy_Id__c = 'C-1'");
        assertThat(contact.get("records").get(0).get("AccountId").asText()).isEqualTo(accountId);
        assertThat(contact.get("records").get(0).get("Id").asText()).startsWith("003");
        assertThat(count("Contact")).isEqualTo(2);
    }

    @Test
    void compositeUpsertDoesNotTakeAJsonStringBody() {
        String json = "[{\"attributes\":{\"type\":\"Account\"},\"Legacy_Id__c\":\"A-1\",\"Name\":\"X\"}]";
        assertThatThrownBy(() -> camel.requestBody(UPSERT_ACCOUNTS + "&rawPayload=true", json, List.class))
                .hasStackTraceContaining("ClassCastException");
        assertThat(count("Account")).isZero();
    }

    @Test
    void restrictedPicklistValuesAreEnforced() {
        String restrictedField = restrictedPicklistField();
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("allOrNone", false, "records", List.of(Map.of("attributes", Map.of("type", "Account"),
                        "Name", "X", "Legacy_Id__c", "A-9", restrictedField, "No such value"))))
                .patch("/services/data/v56.0/composite/sobjects/Account/Legacy_Id__c")
                .then().statusCode(200)
                .body("[0].success", equalTo(false))
                .body("[0].errors[0].statusCode", equalTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"))
                .body("[0].errors[0].fields", hasItem(restrictedField));
    }

    @Test
    void allOrNoneRollsBackTheWholeCall() {
        Map<String, Object> bad = contact("C-2", null);
        bad.remove("LastName");
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("allOrNone", true, "records", List.of(contact("C-1", "Bluth"), bad)))
                .patch("/services/data/v56.0/composite/sobjects/Contact/Legacy_Id__c")
                .then().statusCode(200)
                .body("[0].success", equalTo(false))
                .body("[0].errors[0].statusCode", equalTo("ALL_OR_NONE_OPERATION_ROLLED_BACK"))
                .body("[1].errors[0].statusCode", equalTo("REQUIRED_FIELD_MISSING"));
        assertThat(count("Contact")).isZero();
    }

    @Test
    void moreThan200RecordsIsRejected() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            records.add(account("A-" + i, "Account " + i));
        }
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("allOrNone", false, "records", records))
                .patch("/services/data/v56.0/composite/sobjects/Account/Legacy_Id__c")
                .then().statusCode(400)
                .body("[0].errorCode", equalTo("EXCEEDED_ID_LIMIT"));
        assertThat(count("Account")).isZero();
    }

    @Test
    void queriesArePagedBy2000WithNextRecordsUrl() {
        for (int batch = 0; batch < 11; batch++) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                records.add(account("P-" + batch + "-" + i, "Paged " + batch + "-" + i));
            }
            assertThat(upsert(UPSERT_ACCOUNTS, records)).allMatch(UpsertSObjectResult::getSuccess);
        }
        String token = token();
        JsonNode first = readJson(given().auth().oauth2(token).queryParam("q", "SELECT Id, Name FROM Account ORDER BY Name")
                .get("/services/data/v58.0/query").then().statusCode(200).extract().asString());
        assertThat(first.get("totalSize").asInt()).isEqualTo(2200);
        assertThat(first.get("done").asBoolean()).isFalse();
        assertThat(first.get("records")).hasSize(2000);
        assertThat(first.get("records").get(0).get("Name").asText()).isEqualTo("Paged 0-0");
        String next = first.get("nextRecordsUrl").asText();
        assertThat(next).matches("/services/data/v58.0/query/01g\\w{15}-2000");

        JsonNode second = readJson(given().auth().oauth2(token).get(next).then().statusCode(200).extract().asString());
        assertThat(second.get("done").asBoolean()).isTrue();
        assertThat(second.has("nextRecordsUrl")).isFalse();
        assertThat(second.get("records")).hasSize(200);

        JsonNode limited = query("SELECT Id FROM Account WHERE Name LIKE 'paged 1%' ORDER BY Name DESC LIMIT 5");
        assertThat(limited.get("totalSize").asInt()).isEqualTo(5);
    }

    @Test
    void countAndMalformedQueries() {
        upsert(UPSERT_ACCOUNTS, List.of(account("A-1", "One"), account("A-2", "Two")));
        given().auth().oauth2(token()).queryParam("q", "SELECT COUNT() FROM Account")
                .get("/services/data/v56.0/query").then().statusCode(200)
                .body("totalSize", equalTo(2)).body("done", equalTo(true)).body("records.size()", equalTo(0));
        given().auth().oauth2(token()).queryParam("q", "SELEKT Name FROM Account")
                .get("/services/data/v56.0/query").then().statusCode(400)
                .body("[0].errorCode", equalTo("MALFORMED_QUERY"))
                .body("[0].message", equalTo("unexpected token: SELEKT"));
    }

    @Test
    void dataApiNeedsAValidSession() {
        given().get("/services/data/v56.0/sobjects").then().statusCode(401)
                .body("[0].errorCode", equalTo("INVALID_SESSION_ID"))
                .body("[0].message", equalTo("Session expired or invalid"));
        given().auth().oauth2("00D8d0000000001!forged").get("/services/data/v56.0/sobjects").then().statusCode(401);
        given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "cutover-sandbox").formParam("client_secret", "cutover-sandbox-secret")
                .formParam("username", "admin@cutover.sandbox").formParam("password", "wrong")
                .post("/services/oauth2/token").then().statusCode(400)
                .body("error", equalTo("invalid_grant")).body("error_description", equalTo("authentication failure"));
        given().get("/services/data").then().statusCode(200).body("version", hasItem("56.0"));
    }

    @Test
    void clientCredentialsFlowAndTokenShape() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "cutover-sandbox").formParam("client_secret", "cutover-sandbox-secret")
                .post("/services/oauth2/token").then().statusCode(200)
                .body("instance_url", equalTo("http://localhost:" + SandboxTestProfile.PORT))
                .body("token_type", equalTo("Bearer"));
    }

    @Test
    void describeServesTheRecordedDescribeWithTheOverlayField() {
        String token = token();
        given().auth().oauth2(token).get("/services/data/v56.0/sobjects/contact/describe").then().statusCode(200)
                .body("name", equalTo("Contact")).body("keyPrefix", equalTo("003"))
                .body("fields.find { it.name == 'Legacy_Id__c' }.externalId", equalTo(true))
                .body("fields.find { it.name == 'Legacy_Id__c' }.length", equalTo(40));
        given().auth().oauth2(token).get("/services/data/v56.0/sobjects").then().statusCode(200)
                .body("sobjects.name", hasItem("Custom__c"));
        given().auth().oauth2(token).get("/services/data/v56.0/sobjects/Nope__c/describe").then().statusCode(404)
                .body("[0].errorCode", equalTo("NOT_FOUND"));
        given().get("/sandbox/admin/counters").then().statusCode(200)
                .body("'SObjects.describe'", equalTo(2));
    }

    private List<UpsertSObjectResult> upsert(String uri, List<Map<String, Object>> records) {
        @SuppressWarnings("unchecked")
        List<UpsertSObjectResult> results = camel.requestBody(uri, records, List.class);
        return results;
    }

    private JsonNode query(String soql) {
        String raw = camel.requestBodyAndHeader("salesforce:query?rawPayload=true", null, "sObjectQuery", soql,
                String.class);
        return readJson(raw);
    }

    private int count(String object) {
        return query("SELECT COUNT() FROM " + object).get("totalSize").asInt();
    }

    private String restrictedPicklistField() {
        JsonNode describe = readJson(given().auth().oauth2(token()).get("/services/data/v56.0/sobjects/Account/describe")
                .then().extract().asString());
        for (JsonNode field : describe.get("fields")) {
            if (field.get("restrictedPicklist").asBoolean() && field.get("createable").asBoolean()) {
                return field.get("name").asText();
            }
        }
        throw new AssertionError("The recorded Account describe has no createable restricted picklist");
    }

    private static String errorCode(UpsertSObjectResult result) {
        assertThat(result.getSuccess()).isFalse();
        return result.getErrors().get(0).getErrorCode();
    }

    private static Map<String, Object> account(String legacyId, String name) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", Map.of("type", "Account"));
        record.put("Legacy_Id__c", legacyId);
        record.put("Name", name);
        return record;
    }

    private static Map<String, Object> contact(String legacyId, String lastName) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", Map.of("type", "Contact"));
        record.put("Legacy_Id__c", legacyId);
        record.put("LastName", lastName);
        return record;
    }

    private String token() {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "cutover-sandbox").formParam("client_secret", "cutover-sandbox-secret")
                .formParam("username", "admin@cutover.sandbox").formParam("password", "sandbox")
                .post("/services/oauth2/token").then().statusCode(200).extract().path("access_token");
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }
}
