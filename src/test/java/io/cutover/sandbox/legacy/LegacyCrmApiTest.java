package io.cutover.sandbox.legacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator over plain HTTP, with the sample export (samples/apex-recipes) it serves by default. */
@QuarkusTest
class LegacyCrmApiTest {

    private static final String API = "/legacy-crm/api";
    private static final String TOKEN = "legacy-crm-token";

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
}
