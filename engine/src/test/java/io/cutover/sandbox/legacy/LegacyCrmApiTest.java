package io.cutover.sandbox.legacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.cutover.testing.LegacyCrmSimulator;
import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator over plain HTTP, with the sample export (samples/apex-recipes) it serves by default. Tests that change
 * its settings or data reset it afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = LegacyCrmSimulator.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SalesforceSandbox.class, restrictToAnnotatedClass = true)
class LegacyCrmApiTest {

    static final String API = "/legacy-crm/api";
    static final String ADMIN = "/legacy-crm/admin";
    private static final String TOKEN = "legacy-crm-token";

    @BeforeEach
    @AfterEach
    void resetTheSimulator() {
        given().post(ADMIN + "/reset").then().statusCode(200);
    }

    static void changeSettings(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put(ADMIN + "/settings").then().statusCode(200);
    }

    static JsonPath counters() {
        return given().get(ADMIN + "/counters").then().statusCode(200).extract().jsonPath();
    }

    private static String newToken() {
        return given().auth().preemptive().basic("cutover", "legacy-crm-secret")
                .formParam("grant_type", "client_credentials").post("/legacy-crm/oauth/token")
                .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void accountsArePagedByOffsetAndLimitWithTheTotal() {
        given().auth().oauth2(TOKEN).get(API + "/accounts?offset=40&limit=20").then().statusCode(200)
                .body("total", equalTo(50)).body("offset", equalTo(40)).body("limit", equalTo(20))
                .body("records", hasSize(10))
                .body("records[0].account_id", equalTo("AccountRef41"))
                .body("records[0].updated_at", equalTo("2024-01-01T00:40:00Z"));
    }

    @Test
    void anAccountHasEveryColumnOfTheExportAsText() {
        given().auth().oauth2(TOKEN).get(API + "/accounts?limit=1").then().statusCode(200)
                .body("records[0].account_id", equalTo("AccountRef1"))
                .body("records[0].name", equalTo("Zoonoodle 37"))
                .body("records[0].NumberOfEmployees", equalTo("28549"))
                .body("records[0].billingcountry", equalTo("United States"));
    }

    @Test
    void contactsArePagedByPageNumberWithANextLinkInTheBodyAndTheLinkHeader() {
        List<String> ids = new ArrayList<>();
        String next = API + "/contacts?per_page=40";
        int pages = 0;
        while (next != null) {
            Response page = given().auth().oauth2(TOKEN).get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonPath body = page.jsonPath();
            ids.addAll(body.getList("records.contact_id", String.class));
            next = body.getString("next");
            if (next != null) {
                assertThat(page.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
            } else {
                assertThat(page.header("Link")).isNull();
            }
            pages++;
        }
        assertThat(pages).isEqualTo(4);
        assertThat(ids).hasSize(150).doesNotHaveDuplicates().startsWith("ContactRef1", "ContactRef2").endsWith("ContactRef150");
    }

    @Test
    void updatedSinceKeepsTheRecordsUpdatedAtOrAfterIt() {
        given().auth().oauth2(TOKEN).get(API + "/accounts?updated_since=2024-01-01T00:45:00Z").then().statusCode(200)
                .body("total", equalTo(5)).body("records.account_id[0]", equalTo("AccountRef46"));
        given().auth().oauth2(TOKEN).get(API + "/contacts?updated_since=2024-01-01T02:29:00Z").then().statusCode(200)
                .body("records.contact_id", equalTo(List.of("ContactRef150"))).body("next", nullValue());
        given().auth().oauth2(TOKEN).get(API + "/accounts?updated_since=yesterday").then().statusCode(400);
    }

    @Test
    void aCallWithoutTheTokenIsUnauthorized() {
        given().get(API + "/accounts").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("wrong").get(API + "/contacts").then().statusCode(401);
    }

    @Test
    void aPageLargerThanTheApiAllowsIsRefused() {
        given().auth().oauth2(TOKEN).get(API + "/accounts?limit=201").then().statusCode(400);
        given().auth().oauth2(TOKEN).get(API + "/contacts?page=0").then().statusCode(400);
    }

    @Test
    void opportunitiesArePagedByAnOpaqueCursor() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = given().auth().oauth2(TOKEN).queryParam("limit", 15)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor)).get(API + "/opportunities");
            assertThat(page.statusCode()).isEqualTo(200);
            ids.addAll(page.jsonPath().getList("records.opportunity_id", String.class));
            cursor = page.jsonPath().getString("next_cursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(4);
        assertThat(ids).hasSize(50).doesNotHaveDuplicates().startsWith("OpportunityRef1").endsWith("OpportunityRef50");
        given().auth().oauth2(TOKEN).get(API + "/opportunities?cursor=not-ours").then().statusCode(400);
    }

    @Test
    void notesArePagedByPageNumberWithTheTotal() {
        given().auth().oauth2(TOKEN).get(API + "/notes?page=4&page_size=40").then().statusCode(200)
                .body("total", equalTo(150)).body("page", equalTo(4)).body("records", hasSize(30))
                .body("records[29].note_id", equalTo("NoteRef150"))
                .body("records[29].title", equalTo("Call with Kimble Tees"));
        given().auth().oauth2(TOKEN).get(API + "/notes?page=5&page_size=40").then().statusCode(200)
                .body("records", hasSize(0));
    }

    @Test
    void anApiKeyInItsHeaderAuthenticatesToo() {
        given().header("X-API-Key", "legacy-crm-api-key").get(API + "/notes").then().statusCode(200);
        given().header("X-API-Key", "wrong").get(API + "/notes").then().statusCode(401);
    }

    @Test
    void theTokenEndpointGivesShortLivedTokensToTheKnownClient() throws InterruptedException {
        given().auth().preemptive().basic("cutover", "legacy-crm-secret").formParam("grant_type", "client_credentials")
                .post("/legacy-crm/oauth/token").then().statusCode(200).body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(300));
        given().formParam("grant_type", "client_credentials").formParam("client_id", "cutover")
                .formParam("client_secret", "legacy-crm-secret").post("/legacy-crm/oauth/token").then().statusCode(200);
        given().auth().preemptive().basic("cutover", "wrong").formParam("grant_type", "client_credentials")
                .post("/legacy-crm/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic("cutover", "legacy-crm-secret").formParam("grant_type", "password")
                .post("/legacy-crm/oauth/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));

        changeSettings(Map.of("tokenLifetimeSeconds", 1));
        String token = newToken();
        given().auth().oauth2(token).get(API + "/accounts?limit=1").then().statusCode(200);
        await("the token expired").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(token).get(API + "/accounts?limit=1").statusCode() == 401);
    }

    @Test
    void revokedTokensAreRefused() {
        String token = newToken();
        given().auth().oauth2(token).get(API + "/accounts?limit=1").then().statusCode(200);
        given().post(ADMIN + "/revoke-tokens").then().statusCode(200);
        given().auth().oauth2(token).get(API + "/accounts?limit=1").then().statusCode(401);
        assertThat(counters().getLong("unauthorized")).isEqualTo(1);
        assertThat(counters().getLong("tokensIssued")).isEqualTo(1);
    }

    @Test
    void overTheRateLimitACallIsAnswered429WithRetryAfter() {
        changeSettings(Map.of("rateLimit", 3));
        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int call = 0; call < 8; call++) {
            Response answer = given().auth().oauth2(TOKEN).get(API + "/accounts?limit=1");
            statuses.add(answer.statusCode());
            refused = answer.statusCode() == 429 ? answer : refused;
        }
        // 8 calls in less than 2 seconds: at most 3 in each second are let through
        assertThat(statuses).containsOnly(200, 429).filteredOn(status -> status == 200).hasSizeLessThanOrEqualTo(6);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.jsonPath().getString("error")).isEqualTo("rate limit: 3 calls a second");
        assertThat(counters().getLong("rateLimited")).isEqualTo(statuses.stream().filter(status -> status == 429).count());
    }

    @Test
    void whileUnavailableEveryCallIsAnswered503() {
        changeSettings(Map.of("unavailable", true));
        given().auth().oauth2(TOKEN).get(API + "/accounts").then().statusCode(503);
        changeSettings(Map.of("unavailable", false));
        given().auth().oauth2(TOKEN).get(API + "/accounts").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("rateLimit", -1)).put(ADMIN + "/settings").then().statusCode(400);
    }

    @Test
    void theChangeGeneratorEditsCreatesAndDeletesAndAReadOfTheChangesSeesAllOfThem() throws InterruptedException {
        String start = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        changeSettings(Map.of("editsPerMinute", 1200, "creationsPerMinute", 600, "deletionsPerMinute", 600));
        await("the generator's changes").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(LegacyCrmApiTest::counters, made -> made.getLong("edits") >= 5 && made.getLong("creations") >= 3
                        && made.getLong("deletions") >= 3);
        changeSettings(Map.of("editsPerMinute", 0, "creationsPerMinute", 0, "deletionsPerMinute", 0));
        JsonPath made = counters();
        assertThat(made.getLong("edits")).isGreaterThanOrEqualTo(5);
        assertThat(made.getLong("creations")).isGreaterThanOrEqualTo(3);
        assertThat(made.getLong("deletions")).isGreaterThanOrEqualTo(3);

        List<Map<String, Object>> changed = new ArrayList<>();
        long accountsCreated = 0;
        long accountsDeleted = 0;
        for (String collection : List.of("accounts?limit=200", "contacts?per_page=200", "opportunities?limit=200",
                "notes?page_size=200")) {
            List<Map<String, Object>> records = given().auth().oauth2(TOKEN).queryParam("updated_since", start)
                    .get(API + "/" + collection).then().statusCode(200).extract().jsonPath().getList("records");
            changed.addAll(records);
            if (collection.startsWith("accounts")) {
                accountsCreated = records.stream().filter(record -> String.valueOf(record.get("account_id")).contains("New")).count();
                accountsDeleted = records.stream().filter(record -> Boolean.TRUE.equals(record.get("deleted"))).count();
            }
        }
        assertThat(changed).allMatch(record -> Instant.parse((String) record.get("updated_at")).compareTo(Instant.parse(start)) >= 0);
        assertThat(changed.stream().filter(record -> Boolean.TRUE.equals(record.get("deleted"))).count())
                .isEqualTo(made.getLong("deletions"));
        assertThat(changed.stream().filter(LegacyCrmApiTest::created).count()).isEqualTo(made.getLong("creations"));
        // a record edited twice counts once; a created record may be the copy of an edited one
        assertThat(changed.stream().filter(record -> !created(record) && record.values().stream()
                .anyMatch(value -> String.valueOf(value).startsWith("Edited in the legacy CRM at "))).count())
                .isBetween(1L, made.getLong("edits"));
        // a full read has no deleted record
        given().auth().oauth2(TOKEN).get(API + "/accounts?limit=200").then().statusCode(200)
                .body("total", equalTo((int) (50 + accountsCreated - accountsDeleted)))
                .body("records.deleted", everyItem(equalTo(false)));
    }

    @Test
    void aClientCreatesChangesAndDeletesRecordsWhichTheChangesSinceThenShow() {
        String start = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Written back", "account_id", "ignored", "phone", "+33 1 23 45 67 89"))
                .post(API + "/accounts").then().statusCode(201)
                .body("name", equalTo("Written back")).body("deleted", equalTo(false))
                .extract().path("account_id");
        assertThat(id).isEqualTo("AccountNew1");

        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("description", "Changed", "account_id", "AccountX"))
                .patch(API + "/accounts/AccountRef3").then().statusCode(200)
                .body("account_id", equalTo("AccountRef3")).body("description", equalTo("Changed"))
                .body("name", equalTo(given().auth().oauth2(TOKEN).get(API + "/accounts?offset=2&limit=1")
                        .then().extract().path("records[0].name")));
        given().auth().oauth2(TOKEN).delete(API + "/accounts/" + id).then().statusCode(204);
        given().auth().oauth2(TOKEN).delete(API + "/accounts/" + id).then().statusCode(404);
        given().auth().oauth2(TOKEN).patch(API + "/accounts/NoSuchAccount").then().statusCode(404);
        given().auth().oauth2(TOKEN).get(API + "/widgets/AccountRef3").then().statusCode(404);

        given().auth().oauth2(TOKEN).get(API + "/accounts/" + id).then().statusCode(200).body("deleted", equalTo(true));
        given().auth().oauth2(TOKEN).queryParam("updated_since", start).get(API + "/accounts").then().statusCode(200)
                .body("records.account_id", org.hamcrest.Matchers.contains("AccountRef3", "AccountNew1"));
        JsonPath made = counters();
        assertThat(List.of(made.getLong("apiCreations"), made.getLong("apiUpdates"), made.getLong("apiDeletions")))
                .containsExactly(1L, 1L, 1L);
    }

    /** Created in the simulator: its id is AccountNew1, ContactNew2, … */
    private static boolean created(Map<String, Object> record) {
        return record.values().stream().anyMatch(value -> String.valueOf(value).matches("(Account|Contact|Opportunity|Note)New\\d+"));
    }
}
