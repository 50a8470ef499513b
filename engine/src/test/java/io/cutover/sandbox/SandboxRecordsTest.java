package io.cutover.sandbox;

import static io.cutover.sandbox.SandboxCalls.API;
import static io.cutover.sandbox.SandboxCalls.record;
import static io.cutover.sandbox.SandboxCalls.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.SalesforceMultipleChoicesException;
import org.apache.camel.component.salesforce.api.dto.DeleteSObjectResult;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** One-record sObject resources and sObject Collections create/update/delete, through camel-salesforce. */
@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class SandboxRecordsTest {

    @Inject
    ProducerTemplate camel;

    @Inject
    RecordStore store;

    @Inject
    ContentFiles contentFiles;

    private SandboxCalls calls;

    @BeforeEach
    void emptyOrg() {
        SandboxCalls.resetOrg();
        calls = new SandboxCalls(camel);
    }

    /** Salesforce upserts by idLookup fields too, as a recorded upsert of Contacts by Email shows. */
    @Test
    void upsertMatchesByAnIdLookupFieldCaseInsensitively() {
        String michael = calls.upsert("Contact", "Email",
                List.of(record("Contact", "LastName", "Bluth", "Email", "Michael.Bluth@example.com"))).get(0).getId();

        List<UpsertSObjectResult> again = calls.upsert("Contact", "Email", List.of(
                record("Contact", "FirstName", "Nichael", "LastName", "Bluth", "Email", "michael.bluth@example.com"),
                record("Contact", "LastName", "Bluth", "Email", "annyong.bluth@example.com")));

        assertThat(again).extracting(UpsertSObjectResult::getCreated).containsExactly(false, true);
        assertThat(again.get(0).getId()).isEqualTo(michael);
        assertThat(calls.count("Contact")).isEqualTo(2);
    }

    @Test
    void createReadUpdateDeleteOneRecord() {
        JsonNode created = SandboxCalls.readJson(camel.requestBody(
                "salesforce:createSObject?sObjectName=Account&rawPayload=true",
                "{\"Name\":\"Bluth Company\",\"NumberOfEmployees\":120}", String.class));
        String id = created.get("id").asText();
        assertThat(id).hasSize(18).startsWith("001");
        assertThat(created.get("success").asBoolean()).isTrue();
        assertThat(created.get("errors")).isEmpty();
        assertThat(created.size()).as("id, success, errors and nothing else").isEqualTo(3);

        JsonNode read = get("Account", id, null);
        assertThat(read.get("attributes").get("url").asText()).isEqualTo(API + "/sobjects/Account/" + id);
        assertThat(read.get("Name").asText()).isEqualTo("Bluth Company");
        assertThat(read.get("NumberOfEmployees").asInt()).isEqualTo(120);
        assertThat(read.get("Website").isNull()).isTrue();
        assertThat(read.get("CreatedById").asText()).isEqualTo(OAuthResource.USER_ID);

        camel.requestBodyAndHeader("salesforce:updateSObject?sObjectName=Account&rawPayload=true",
                "{\"Name\":\"Bluth Company Renamed\"}", "sObjectId", id, String.class);
        JsonNode updated = get("Account", id, "Name,NumberOfEmployees");
        assertThat(updated.get("Name").asText()).isEqualTo("Bluth Company Renamed");
        assertThat(updated.get("NumberOfEmployees").asInt()).isEqualTo(120);
        assertThat(updated.has("Website")).as("only the fields asked for").isFalse();

        String modifiedBeforeDeletion = get("Account", id, "SystemModstamp").get("SystemModstamp").asText();
        camel.requestBodyAndHeader("salesforce:deleteSObject?sObjectName=Account", null, "sObjectId", id);
        assertThat(calls.count("Account")).isZero();
        SalesforceException again = salesforceError(() -> camel.requestBodyAndHeader(
                "salesforce:deleteSObject?sObjectName=Account", null, "sObjectId", id));
        assertThat(again.getStatusCode()).isEqualTo(404);
        assertThat(again.getErrors().get(0).getErrorCode()).isEqualTo("ENTITY_IS_DELETED");
        assertThat(again.getErrors().get(0).getMessage()).isEqualTo("entity is deleted");

        // the recycle bin: query no longer finds it, queryAll does, deleted, with the deletion's SystemModstamp
        String soql = "SELECT Id, Name, IsDeleted, SystemModstamp FROM Account WHERE Id = '" + id + "'";
        assertThat(calls.query(soql).get("totalSize").asInt()).isZero();
        given().auth().oauth2(token()).queryParam("q", soql).get(API + "/queryAll").then().statusCode(200)
                .body("totalSize", equalTo(1))
                .body("records[0].Name", equalTo("Bluth Company Renamed"))
                .body("records[0].IsDeleted", equalTo(true))
                .body("records[0].SystemModstamp", org.hamcrest.Matchers.greaterThanOrEqualTo(modifiedBeforeDeletion));
    }

    @Test
    void singleRecordErrorsHaveSalesforcesStatusCodesAndBodies() {
        String token = token();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"FirstName\":\"George\"}")
                .post(API + "/sobjects/Contact").then().statusCode(400)
                .body("[0].errorCode", equalTo("REQUIRED_FIELD_MISSING"))
                .body("[0].message", equalTo("Required fields are missing: [LastName]"))
                .body("[0].fields[0]", equalTo("LastName"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"FavoritePet__c\":\"Dog\"}")
                .post(API + "/sobjects/Account").then().statusCode(400)
                .body("[0].errorCode", equalTo("INVALID_FIELD"))
                .body("[0].message", equalTo("No such column 'FavoritePet__c' on sobject of type Account"))
                .body("[0].fields", nullValue());
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"Name\":\"Ace of Spades\"}")
                .post(API + "/sobjects/PlayingCard__c").then().statusCode(404)
                .body("[0].errorCode", equalTo("NOT_FOUND"))
                .body("[0].message", equalTo("The requested resource does not exist"));
        given().auth().oauth2(token).get(API + "/sobjects/Account/0018d0000000zzzAAA").then().statusCode(404)
                .body("[0].errorCode", equalTo("NOT_FOUND"));
        String created = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"Name\":\"Sitwell\"}")
                .post(API + "/sobjects/Account").then().statusCode(201)
                .extract().header("Location");
        assertThat(created).matches(API.replace(".", "\\.") + "/sobjects/Account/001\\w{15}");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"NumberOfEmployees\":\"many\"}")
                .patch(created).then().statusCode(400)
                .body("[0].errorCode", equalTo("INVALID_TYPE_ON_FIELD_IN_RECORD"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"NumberOfEmployees\":7}")
                .patch(created).then().statusCode(204);
    }

    /**
     * The describes written after the Object Reference are validated as the recorded ones: a task's WhoId takes a
     * contact or a lead and nothing else, its IsClosed is read-only, and a campaign member needs a contact or a lead,
     * which no describe can say (both fields are nillable): schema/required-one-of.yaml does.
     */
    @Test
    void tasksAndCampaignMembersAreCheckedAsARealOrgChecksThem() {
        String token = token();
        String account = created(token, "Account", "{\"Name\":\"Bluth Company\"}");
        String lead = created(token, "Lead", "{\"LastName\":\"Fünke\",\"Company\":\"Bluth Company\"}");
        String campaign = created(token, "Campaign", "{\"Name\":\"Spring Gala\",\"Type\":\"Conference\"}");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"Subject\":\"Call back\",\"WhoId\":\"" + account + "\"}")
                .post(API + "/sobjects/Task").then().statusCode(400)
                .body("[0].errorCode", equalTo("INVALID_CROSS_REFERENCE_KEY"))
                .body("[0].fields[0]", equalTo("WhoId"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"Subject\":\"Call back\",\"IsClosed\":true}")
                .post(API + "/sobjects/Task").then().statusCode(400)
                .body("[0].errorCode", equalTo("INVALID_FIELD_FOR_INSERT_UPDATE"));
        String task = created(token, "Task", "{\"Subject\":\"Call back\",\"WhoId\":\"" + lead + "\",\"WhatId\":\""
                + campaign + "\"}");
        assertThat(task).startsWith("00T");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"CampaignId\":\"" + campaign + "\",\"Status\":\"Sent\"}")
                .post(API + "/sobjects/CampaignMember").then().statusCode(400)
                .body("[0].errorCode", equalTo("REQUIRED_FIELD_MISSING"))
                .body("[0].message", equalTo("Required fields are missing: [ContactId, LeadId]"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"CampaignId\":\"" + campaign + "\",\"LeadId\":\"" + account + "\"}")
                .post(API + "/sobjects/CampaignMember").then().statusCode(400)
                .body("[0].errorCode", equalTo("INVALID_CROSS_REFERENCE_KEY"))
                .body("[0].fields[0]", equalTo("LeadId"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"ContactId\":null,\"LeadId\":\"" + lead + "\"}")
                .post(API + "/sobjects/CampaignMember").then().statusCode(400)
                .body("[0].errorCode", equalTo("REQUIRED_FIELD_MISSING"))
                .body("[0].message", equalTo("Required fields are missing: [CampaignId]"));
        assertThat(created(token, "CampaignMember", "{\"CampaignId\":\"" + campaign + "\",\"ContactId\":null,"
                + "\"LeadId\":\"" + lead + "\",\"Status\":\"Responded\"}")).startsWith("00v");
    }

    private static String created(String token, String object, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .post(API + "/sobjects/" + object).then().statusCode(201).extract().path("id");
    }

    @Test
    void upsertOneRecordByExternalId() {
        String upsert = "salesforce:upsertSObject?sObjectName=Account&sObjectIdName=Legacy_Id__c&rawPayload=true";
        JsonNode created = SandboxCalls.readJson(camel.requestBodyAndHeader(upsert, "{\"Name\":\"Bluth Company\"}",
                "sObjectIdValue", "A-1", String.class));
        assertThat(created.get("created").asBoolean()).isTrue();
        assertThat(created.get("success").asBoolean()).isTrue();
        String id = created.get("id").asText();

        JsonNode updated = SandboxCalls.readJson(camel.requestBodyAndHeader(upsert, "{\"Name\":\"Renamed\"}",
                "sObjectIdValue", "a-1", String.class));
        assertThat(updated.get("created").asBoolean()).isFalse();
        assertThat(updated.get("id").asText()).isEqualTo(id);
        assertThat(get("Account", id, "Name,Legacy_Id__c").get("Name").asText()).isEqualTo("Renamed");

        String token = token();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"Name\":\"X\"}")
                .patch(API + "/sobjects/Account/Legacy_Id__c/A-2").then().statusCode(201).body("created", equalTo(true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"Name\":\"Y\"}")
                .patch(API + "/sobjects/Account/Legacy_Id__c/A-2").then().statusCode(200).body("created", equalTo(false));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"Name\":\"Z\"}")
                .patch(API + "/sobjects/Account/Name/A-2").then().statusCode(404)
                .body("[0].errorCode", equalTo("NOT_FOUND"));
    }

    @Test
    void upsertOfAValueSeveralRecordsShareAnswers300WithTheirUrls() {
        // The API refuses a second record with a unique value, so the test writes the org's storage directly, as
        // an org whose external id is not unique would hold it.
        List<String> ids = store.write(org -> {
            List<String> written = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String id = SalesforceIds.newId("001", org.nextRecordNumber());
                org.insert(new StoredRecord(id, "Account", JsonNodeFactory.instance.objectNode()
                        .put("Id", id).put("Name", "Twin " + i).put("Legacy_Id__c", "DUP")), Map.of("Legacy_Id__c", "dup"));
                written.add(id);
            }
            return written;
        });
        SalesforceException error = salesforceError(() -> camel.requestBodyAndHeader(
                "salesforce:upsertSObject?sObjectName=Account&sObjectIdName=Legacy_Id__c&rawPayload=true",
                "{\"Name\":\"Which one?\"}", "sObjectIdValue", "dup"));
        assertThat(error).isInstanceOf(SalesforceMultipleChoicesException.class);
        assertThat(error.getStatusCode()).isEqualTo(300);
        assertThat(((SalesforceMultipleChoicesException) error).getChoices())
                .containsExactly(API + "/sobjects/Account/" + ids.get(0), API + "/sobjects/Account/" + ids.get(1));
        assertThat(calls.query("SELECT Name FROM Account ORDER BY Name").get("records").get(0).get("Name").asText())
                .isEqualTo("Twin 0");
    }

    @Test
    void collectionsCreateUpdateAndDelete() {
        @SuppressWarnings("unchecked")
        List<SaveSObjectResult> created = camel.requestBody("salesforce:compositeCreateSObjectCollections?allOrNone=false",
                List.of(record("Account", "Name", "Bluth Company"), record("Contact", "FirstName", "Gob"),
                        record("Contact", "LastName", "Bluth")), List.class);
        assertThat(created).extracting(SaveSObjectResult::getSuccess).containsExactly(true, false, true);
        assertThat(created.get(1).getErrors().get(0).getErrorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(created.get(1).getId()).isNull();
        String accountId = created.get(0).getId();
        String contactId = created.get(2).getId();
        assertThat(contactId).startsWith("003");

        @SuppressWarnings("unchecked")
        List<SaveSObjectResult> updated = camel.requestBody("salesforce:compositeUpdateSObjectCollections?allOrNone=false",
                List.of(record("Contact", "Id", contactId, "AccountId", accountId),
                        record("Account", "Id", accountId, "NumberOfEmployees", "lots"),
                        record("Account", "Name", "No id")), List.class);
        assertThat(updated).extracting(SaveSObjectResult::getSuccess).containsExactly(true, false, false);
        assertThat(updated.get(0).getId()).isEqualTo(contactId);
        assertThat(updated.get(1).getErrors().get(0).getErrorCode()).isEqualTo("INVALID_TYPE_ON_FIELD_IN_RECORD");
        assertThat(updated.get(2).getErrors().get(0).getErrorCode()).isEqualTo("MISSING_ARGUMENT");
        assertThat(calls.query("SELECT AccountId FROM Contact").get("records").get(0).get("AccountId").asText())
                .isEqualTo(accountId);

        @SuppressWarnings("unchecked")
        List<DeleteSObjectResult> deleted = camel.requestBodyAndHeader(
                "salesforce:compositeDeleteSObjectCollections?allOrNone=false",
                List.of(contactId, "0038d0000000zzzAAA", "not-an-id"), "sObjectIds", null, List.class);
        assertThat(deleted).extracting(DeleteSObjectResult::getSuccess).containsExactly(true, false, false);
        assertThat(deleted.get(0).getId()).isEqualTo(contactId);
        assertThat(deleted.get(1).getErrors().get(0).getErrorCode()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(deleted.get(2).getErrors().get(0).getErrorCode()).isEqualTo("MALFORMED_ID");
        assertThat(calls.count("Contact")).isZero();
        assertThat(calls.count("Account")).isEqualTo(1);
    }

    @Test
    void allOrNoneRollsBackCreateUpdateAndDelete() {
        String token = token();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("allOrNone", true, "records", List.of(record("Account", "Name", "Fine"),
                        record("Account", "Website", "no name"))))
                .post(API + "/composite/sobjects").then().statusCode(200)
                .body("[0].success", equalTo(false))
                .body("[0].errors[0].statusCode", equalTo("ALL_OR_NONE_OPERATION_ROLLED_BACK"))
                .body("[1].errors[0].statusCode", equalTo("REQUIRED_FIELD_MISSING"));
        assertThat(calls.count("Account")).isZero();

        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"Name\":\"Kept\"}")
                .post(API + "/sobjects/Account").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("allOrNone", true, "records", List.of(record("Account", "Id", id, "Name", "Changed"),
                        record("Account", "Id", "0018d0000000zzzAAA", "Name", "Nobody"))))
                .patch(API + "/composite/sobjects").then().statusCode(200)
                .body("[0].errors[0].statusCode", equalTo("ALL_OR_NONE_OPERATION_ROLLED_BACK"));
        assertThat(get("Account", id, "Name").get("Name").asText()).isEqualTo("Kept");

        given().auth().oauth2(token).queryParam("ids", id + ",0018d0000000zzzAAA").queryParam("allOrNone", true)
                .delete(API + "/composite/sobjects").then().statusCode(200)
                .body("[0].id", equalTo(id))
                .body("[0].errors[0].statusCode", equalTo("ALL_OR_NONE_OPERATION_ROLLED_BACK"));
        assertThat(calls.count("Account")).isEqualTo(1);
    }

    @Test
    void collectionsTakeAtMost200Records() {
        List<Map<String, Object>> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            records.add(record("Account", "Name", "Account " + i));
            ids.add("0018d0000000zzz");
        }
        String token = token();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("allOrNone", false, "records", records))
                .post(API + "/composite/sobjects").then().statusCode(400)
                .body("[0].errorCode", equalTo("EXCEEDED_ID_LIMIT"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("allOrNone", false, "records", records))
                .patch(API + "/composite/sobjects").then().statusCode(400)
                .body("[0].errorCode", equalTo("EXCEEDED_ID_LIMIT"));
        // 15-character ids keep the URI under Quarkus' default 4096-character request line
        given().auth().oauth2(token).queryParam("ids", String.join(",", ids)).delete(API + "/composite/sobjects")
                .then().statusCode(400).body("[0].errorCode", equalTo("EXCEEDED_ID_LIMIT"));
        assertThat(calls.count("Account")).isZero();
    }

    private JsonNode get(String object, String id, String fields) {
        String uri = "salesforce:getSObject?sObjectName=" + object + "&rawPayload=true"
                + (fields == null ? "" : "&sObjectFields=" + fields);
        return SandboxCalls.readJson(camel.requestBodyAndHeader(uri, null, "sObjectId", id, String.class));
    }

    private static SalesforceException salesforceError(Runnable call) {
        try {
            call.run();
        } catch (CamelExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(SalesforceException.class);
            return (SalesforceException) e.getCause();
        }
        throw new AssertionError("The call succeeded");
    }

    /**
     * A file uploaded as JSON (base64) or as a multipart request: its bytes kept on disk, its Checksum their MD5 and its
     * ContentSize their length, as the org computes them, and the version published on its record.
     */
    @Test
    void contentVersionsTakeTheirFileAsJsonOrMultipartAndAnswerItsChecksum() throws Exception {
        String account = calls.upsert("Account", "Legacy_Id__c", List.of(record("Account", "Name", "Files Ltd",
                "Legacy_Id__c", "FILES-1"))).get(0).getId();
        byte[] text = "a line\nand another\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] image = new byte[5000];
        new java.util.Random(7).nextBytes(image);
        String token = token();

        String fromJson = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("Title", "Call log", "PathOnClient", "call-log.txt", "FirstPublishLocationId", account,
                        "VersionData", java.util.Base64.getEncoder().encodeToString(text)))
                .post(API + "/sobjects/ContentVersion").then().statusCode(201).body("success", equalTo(true))
                .extract().path("id");
        String fromParts = given().auth().oauth2(token)
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder("{\"PathOnClient\": \"scans/site.png\", "
                        + "\"FirstPublishLocationId\": \"" + account + "\"}").controlName("entity_content")
                        .mimeType("application/json").build())
                .multiPart("VersionData", "site.png", image, "application/octet-stream")
                .post(API + "/sobjects/ContentVersion").then().statusCode(201).extract().path("id");

        JsonNode versions = calls.query("SELECT Id, Checksum, ContentSize, FirstPublishLocationId, Title, FileType, "
                + "ContentDocumentId FROM ContentVersion ORDER BY Title");
        assertThat(versions.get("totalSize").asInt()).isEqualTo(2);
        JsonNode json = versions.get("records").get(0);
        JsonNode parts = versions.get("records").get(1);
        assertThat(json.get("Id").asText()).isEqualTo(fromJson);
        assertThat(json.get("Checksum").asText()).isEqualTo(org.apache.commons.codec.digest.DigestUtils.md5Hex(text));
        assertThat(json.get("ContentSize").asLong()).isEqualTo(text.length);
        assertThat(json.get("FileType").asText()).isEqualTo("TEXT");
        assertThat(parts.get("Id").asText()).isEqualTo(fromParts);
        assertThat(parts.get("Checksum").asText()).isEqualTo(org.apache.commons.codec.digest.DigestUtils.md5Hex(image));
        assertThat(parts.get("ContentSize").asLong()).isEqualTo(image.length);
        assertThat(parts.get("Title").asText()).as("from PathOnClient").isEqualTo("site");
        assertThat(parts.get("FileType").asText()).isEqualTo("PNG");
        for (JsonNode version : versions.get("records")) {
            assertThat(version.get("FirstPublishLocationId").asText()).isEqualTo(account);
            assertThat(version.get("ContentDocumentId").asText()).startsWith("069");
        }
        assertThat(java.nio.file.Files.readAllBytes(contentFiles.file(fromJson))).isEqualTo(text);
        assertThat(java.nio.file.Files.readAllBytes(contentFiles.file(fromParts))).isEqualTo(image);
        assertThat(given().auth().oauth2(token).get(API + "/sobjects/ContentVersion/" + fromParts + "/VersionData").then()
                .statusCode(200).extract().asByteArray()).isEqualTo(image);
        // the object's other resources are the generic ones
        given().auth().oauth2(token).get(API + "/sobjects/ContentVersion/describe").then().statusCode(200)
                .body("name", equalTo("ContentVersion"));
        given().auth().oauth2(token).get(API + "/sobjects/ContentVersion/" + fromJson).then().statusCode(200)
                .body("Title", equalTo("Call log"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("Title", "No content", "PathOnClient",
                "empty.txt")).post(API + "/sobjects/ContentVersion").then().statusCode(400)
                .body("[0].errorCode", equalTo("REQUIRED_FIELD_MISSING")).body("[0].fields[0]", equalTo("VersionData"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("PathOnClient", "a.txt", "VersionData",
                "YQ==", "Checksum", "00")).post(API + "/sobjects/ContentVersion").then().statusCode(400)
                .body("[0].errorCode", equalTo("INVALID_FIELD_FOR_INSERT_UPDATE"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("PathOnClient", "a.txt", "VersionData",
                "YQ==", "FirstPublishLocationId", "001000000000000AAA")).post(API + "/sobjects/ContentVersion").then()
                .statusCode(400).body("[0].errorCode", equalTo("INVALID_CROSS_REFERENCE_KEY"));
        assertThat(calls.count("ContentVersion")).as("the refused versions were not saved").isEqualTo(2);
    }
}
