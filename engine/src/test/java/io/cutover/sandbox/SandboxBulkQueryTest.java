package io.cutover.sandbox;

import static io.cutover.sandbox.SandboxCalls.API;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Bulk API 2.0 query jobs through camel-salesforce's bulk2 query operations. */
@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class SandboxBulkQueryTest {

    @Inject
    ProducerTemplate camel;

    @BeforeEach
    void fiveAccounts() {
        SandboxCalls.resetOrg();
        new SandboxCalls(camel).upsert("Account", "Legacy_Id__c", IntStream.rangeClosed(1, 5)
                .mapToObj(i -> SandboxCalls.record("Account", "Name", "Account \"" + i + "\", Inc.", "Legacy_Id__c", "A" + i,
                        "NumberOfEmployees", i == 3 ? null : i * 10)).toList());
    }

    @Test
    void aQueryJobAnswersEveryRecordAsCsvPagesFollowingTheLocator() throws IOException {
        QueryJob job = new QueryJob();
        job.setOperation(OperationEnum.QUERY);
        job.setQuery("SELECT Legacy_Id__c, Name, NumberOfEmployees FROM Account ORDER BY Legacy_Id__c");
        QueryJob created = camel.requestBody("salesforce:bulk2CreateQueryJob", job, QueryJob.class);
        assertThat(created.getId()).hasSize(18).startsWith("750");
        assertThat(created.getState()).isEqualTo(JobStateEnum.UPLOAD_COMPLETE);
        assertThat(camel.requestBodyAndHeader("salesforce:bulk2GetQueryJob", null, "jobId", created.getId(), QueryJob.class)
                .getState()).isEqualTo(JobStateEnum.JOB_COMPLETE);

        List<String> pages = new ArrayList<>();
        String locator = null;
        do {
            Map<String, Object> headers = new HashMap<>(Map.of("jobId", created.getId(), "maxRecords", 2));
            if (locator != null) {
                headers.put("locator", locator);
            }
            Exchange answer = camel.send("salesforce:bulk2GetQueryJobResults", exchange -> exchange.getIn().setHeaders(headers));
            assertThat(answer.getException()).isNull();
            try (InputStream csv = answer.getMessage().getBody(InputStream.class)) {
                pages.add(new String(csv.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThat(answer.getMessage().getHeader("Sforce-NumberOfRecords", String.class))
                    .isEqualTo(pages.size() < 3 ? "2" : "1");
            locator = answer.getMessage().getHeader("Sforce-Locator", String.class);
        } while (!"null".equals(locator));

        assertThat(pages).containsExactly(
                "\"Legacy_Id__c\",\"Name\",\"NumberOfEmployees\"\n\"A1\",\"Account \"\"1\"\", Inc.\",\"10\"\n"
                        + "\"A2\",\"Account \"\"2\"\", Inc.\",\"20\"\n",
                "\"Legacy_Id__c\",\"Name\",\"NumberOfEmployees\"\n\"A3\",\"Account \"\"3\"\", Inc.\",\"\"\n"
                        + "\"A4\",\"Account \"\"4\"\", Inc.\",\"40\"\n",
                "\"Legacy_Id__c\",\"Name\",\"NumberOfEmployees\"\n\"A5\",\"Account \"\"5\"\", Inc.\",\"50\"\n");
        assertThat(SandboxCalls.counter("BulkQuery.results")).isEqualTo(3);
    }

    @Test
    void anInvalidQueryIsRefusedAtCreationAndAnUnknownJobIsNotFound() {
        String token = SandboxCalls.token();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"operation\":\"query\",\"query\":\"SELECT Nope__c FROM Account\"}")
                .post(API + "/jobs/query").then().statusCode(400).body("[0].errorCode", equalTo("INVALID_FIELD"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"operation\":\"query\",\"query\":\"SELECT COUNT() FROM Account\"}")
                .post(API + "/jobs/query").then().statusCode(400).body("[0].errorCode", equalTo("INVALIDJOB"));
        given().auth().oauth2(token).get(API + "/jobs/query/750000000000000AAA").then().statusCode(404)
                .body("[0].errorCode", equalTo("NOT_FOUND"));
    }

    @Test
    void aCompleteJobCannotBeAbortedAndIsDeleted() {
        String token = SandboxCalls.token();
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"operation\":\"query\",\"query\":\"SELECT Id FROM Account\"}")
                .post(API + "/jobs/query").then().statusCode(200).body("state", equalTo("UploadComplete"))
                .body("object", equalTo("Account")).extract().path("id");
        given().auth().oauth2(token).get(API + "/jobs/query/" + id).then().statusCode(200)
                .body("state", equalTo("JobComplete")).body("jobType", equalTo("V2Query"))
                .body("numberRecordsProcessed", equalTo(5));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"state\":\"Aborted\"}")
                .patch(API + "/jobs/query/" + id).then().statusCode(400).body("[0].errorCode", equalTo("INVALIDJOBSTATE"));
        given().auth().oauth2(token).delete(API + "/jobs/query/" + id).then().statusCode(204);
        given().auth().oauth2(token).get(API + "/jobs/query/" + id).then().statusCode(404);
    }
}
