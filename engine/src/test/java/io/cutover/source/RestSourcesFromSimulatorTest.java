package io.cutover.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cutover.testing.LegacyCrmSimulator;
import io.cutover.testing.SalesforceSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST reader, through camel-http, against the legacy CRM simulator of the running application: the documented
 * descriptions of sources-rest/, OAuth2 tokens that expire or are revoked, the rate limit, change capture.
 */
@QuarkusTest
@QuarkusTestResource(value = LegacyCrmSimulator.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SalesforceSandbox.class, restrictToAnnotatedClass = true)
class RestSourcesFromSimulatorTest {

    private static final String ADMIN = "/legacy-crm/admin";
    /** The environment the documented descriptions take their secrets from: the simulator's defaults. */
    private static final Map<String, String> ENVIRONMENT = Map.of("LEGACY_CRM_TOKEN", "legacy-crm-token",
            "LEGACY_CRM_API_KEY", "legacy-crm-api-key", "LEGACY_CRM_CLIENT_SECRET", "legacy-crm-secret");

    @Inject
    ProducerTemplate camel;
    @TestHTTPResource("/")
    URL application;
    @TempDir
    Path dir;

    @BeforeEach
    @AfterEach
    void resetTheSimulator() {
        given().post(ADMIN + "/reset").then().statusCode(200);
    }

    /** The descriptions of sources-rest/, pointed at this application's port instead of the demo's 8080. */
    private SourceCatalog documentedDescriptions() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        try (Stream<Path> files = Files.list(Path.of("sources-rest"))) {
            for (Path file : files.toList()) {
                Files.writeString(sources.resolve(file.getFileName()), Files.readString(file)
                        .replace("http://localhost:8080", "http://localhost:" + application.getPort()));
            }
        }
        return new SourceCatalog(sources, dir, ENVIRONMENT::get);
    }

    private static RestSource withPace(RestSource source, Optional<Double> requestsPerSecond, RestSource.Retry retry) {
        return new RestSource(source.description(), source.object(), source.legacyIdColumn(), source.url(),
                source.records(), source.paging(), source.auth(), retry, requestsPerSecond, source.incremental(),
                source.writeBack());
    }

    private List<String> readIds(RestSource source, AccessTokens tokens, Optional<String> watermark) {
        List<String> ids = new ArrayList<>();
        new RestExportReader(source, new RestPages(camel, source, tokens), watermark)
                .forEachRemaining(record -> ids.add(record.legacyId()));
        return ids;
    }

    private static List<String> exportIds(String file, String idColumn) throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("samples/apex-recipes", file));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords().stream().map(row -> row.get(idColumn)).toList();
        }
    }

    private static void changeSettings(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put(ADMIN + "/settings").then().statusCode(200);
    }

    private static JsonPath counters() {
        return given().get(ADMIN + "/counters").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theDocumentedDescriptionsReadEveryRecordOfEachCollectionInOrder() throws IOException {
        SourceCatalog catalog = documentedDescriptions();
        AccessTokens tokens = new AccessTokens(camel);

        assertThat(readIds(catalog.restSources("Account").get(0), tokens, Optional.empty()))
                .isEqualTo(exportIds("accounts.csv", "account_id"));
        assertThat(readIds(catalog.restSources("Contact").get(0), tokens, Optional.empty()))
                .isEqualTo(exportIds("contacts.csv", "contact_id"));
        assertThat(readIds(catalog.restSources("Opportunity").get(0), tokens, Optional.empty()))
                .isEqualTo(exportIds("opportunities.csv", "opportunity_id"));
        assertThat(readIds(catalog.restSources("Note").get(0), tokens, Optional.empty()))
                .isEqualTo(exportIds("notes.csv", "note_id"));
        assertThat(counters().getLong("tokensIssued")).isEqualTo(1);
        assertThat(counters().getLong("unauthorized")).isZero();
    }

    @Test
    void anOAuth2ReadRenewsItsTokenBeforeItExpires() throws IOException {
        changeSettings(Map.of("tokenLifetimeSeconds", 1));
        RestSource opportunities = documentedDescriptions().restSources("Opportunity").get(0);
        // 20 a page: 3 calls, 0.67 s apart: the last one past the first token's lifetime
        RestSource slow = withPace(opportunities, Optional.of(1.5), opportunities.retry());

        assertThat(readIds(slow, new AccessTokens(camel), Optional.empty())).hasSize(50);
        assertThat(counters().getLong("tokensIssued")).isGreaterThanOrEqualTo(2);
        assertThat(counters().getLong("unauthorized")).isZero();
    }

    @Test
    void aRevokedTokenIsRenewedOnceAndTheReadGoesOn() throws IOException {
        RestSource opportunities = documentedDescriptions().restSources("Opportunity").get(0);
        AccessTokens tokens = new AccessTokens(camel);
        assertThat(readIds(opportunities, tokens, Optional.empty())).hasSize(50);

        given().post(ADMIN + "/revoke-tokens").then().statusCode(200);

        assertThat(readIds(opportunities, tokens, Optional.empty())).hasSize(50);
        assertThat(counters().getLong("unauthorized")).isEqualTo(1);
        assertThat(counters().getLong("tokensIssued")).isEqualTo(2);
    }

    @Test
    void overTheRateLimitTheReaderWaitsAsAskedAndAtItsOwnPaceItIsNeverRefused() throws IOException, InterruptedException {
        changeSettings(Map.of("rateLimit", 5));
        RestSource notes = documentedDescriptions().restSources("Note").get(0);
        RestSource.PageNumberPaging paging = (RestSource.PageNumberPaging) notes.paging();
        // 10 a page: 15 calls
        RestSource smallPages = new RestSource(notes.description(), notes.object(), notes.legacyIdColumn(), notes.url(),
                notes.records(), new RestSource.PageNumberPaging(paging.pageParameter(), paging.firstPage(),
                        Optional.of(10), paging.sizeParameter(), paging.total()),
                notes.auth(), new RestSource.Retry(10, Duration.ofMillis(10), Duration.ofSeconds(30)), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThat(readIds(smallPages, new AccessTokens(camel), Optional.empty())).hasSize(150);
        long refused = counters().getLong("rateLimited");
        assertThat(refused).isPositive();

        // a new second, so that the calls of the first read do not count against the second
        Thread.sleep(1100);
        // 3 a second, evenly spaced, never 6 in one second
        assertThat(readIds(withPace(smallPages, Optional.of(3.0), smallPages.retry()), new AccessTokens(camel),
                Optional.empty())).hasSize(150);
        assertThat(counters().getLong("rateLimited")).isEqualTo(refused);
    }

    @Test
    void anIncrementalReadAsksForTheChangesSinceTheWatermarkAndSeesDeletions() throws IOException, InterruptedException {
        RestSource opportunities = documentedDescriptions().restSources("Opportunity").get(0);
        RestExportReader full = new RestExportReader(opportunities,
                new RestPages(camel, opportunities, new AccessTokens(camel)), Optional.empty());
        full.forEachRemaining(record -> { });
        // the 50th opportunity was updated 49 minutes after the first
        assertThat(full.highestSeen()).contains("2024-01-01T00:49:00Z");

        long deletionsBefore = counters().getLong("deletions");
        changeSettings(Map.of("deletionsPerMinute", 1200));
        await("deletions in the legacy CRM").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> counters().getLong("deletions") >= deletionsBefore + 3);
        changeSettings(Map.of("deletionsPerMinute", 0));
        List<Map<String, String>> changes = new ArrayList<>();
        RestExportReader incremental = new RestExportReader(opportunities,
                new RestPages(camel, opportunities, new AccessTokens(camel)), full.highestSeen());
        incremental.forEachRemaining(record -> changes.add(record.values()));

        List<Map<String, String>> deleted = changes.stream().filter(values -> "true".equals(values.get("deleted"))).toList();
        // the last one read before (unless it was deleted since) and the deleted ones, once each; all of them: the others
        // are the live ones
        assertThat(changes).allMatch(values -> "true".equals(values.get("deleted"))
                || values.get("opportunity_id").equals("OpportunityRef50"));
        assertThat(changes).extracting(values -> values.get("opportunity_id")).doesNotHaveDuplicates();
        assertThat(deleted).allMatch(values -> Instant.parse(values.get("updated_at")).isAfter(Instant.parse("2024-01-01T00:49:00Z")));
        given().auth().oauth2("legacy-crm-token").get("/legacy-crm/api/opportunities?limit=200").then().statusCode(200)
                .body("records.size()", equalTo(50 - deleted.size()));
        assertThat(incremental.highestSeen()).isEqualTo(deleted.isEmpty() ? full.highestSeen()
                : Optional.of(deleted.get(deleted.size() - 1).get("updated_at")));
        assertThat(counters().getLong("deletions")).isGreaterThanOrEqualTo(deleted.size());
    }
}
