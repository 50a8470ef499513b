package io.cutover.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source descriptions with a rest key, read and checked at start-up. */
class RestSourceDescriptionTest {

    @TempDir
    Path dir;

    private Path describe(String yaml) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("sources"));
        return Files.writeString(sources.resolve("accounts.yaml"), "object: Account\nlegacyId: account_id\n" + yaml);
    }

    private SourceCatalog catalog() {
        return new SourceCatalog(dir.resolve("sources"), dir, Map.of("CRM_TOKEN", "s3cret")::get);
    }

    @Test
    void offsetPagingWithABearerTokenFromTheEnvironment() throws IOException {
        describe("""
                rest:
                  url: http://crm.example/api/accounts?active=true
                  records: "$.records"
                  paging: {style: offset, limit: 200}
                  auth: {bearer: "${env:CRM_TOKEN}"}
                  retry: {attempts: 3, backoff: 500ms}
                """);
        SourceCatalog catalog = catalog();
        RestSource source = catalog.restSources("Account").get(0);
        assertThat(catalog.describes("Account")).isTrue();
        assertThat(catalog.header("Account")).isNull();
        assertThat(source.url()).isEqualTo(URI.create("http://crm.example/api/accounts?active=true"));
        assertThat(source.records().getPath()).isEqualTo("$['records']");
        assertThat(source.paging()).isEqualTo(new RestSource.OffsetPaging(200, "offset", "limit"));
        assertThat(source.auth()).contains(RestSource.HeaderAuth.bearer("s3cret"));
        assertThat(source.auth().orElseThrow().toString()).doesNotContain("s3cret");
        assertThat(source.retry()).isEqualTo(new RestSource.Retry(3, Duration.ofMillis(500), Duration.ofSeconds(30)));
        assertThat(source.requestsPerSecond()).isEmpty();
        assertThat(source.incremental()).isEmpty();
    }

    @Test
    void nextLinkPagingInTheBodyOrTheLinkHeaderAndBasicAuthentication() throws IOException {
        describe("""
                rest:
                  url: https://crm.example/api/accounts
                  records: "$.data[*]"
                  paging: {style: next-link}
                  auth: {basic: {username: migration, password: "${env:CRM_TOKEN}"}}
                """);
        RestSource source = catalog().restSources("Account").get(0);
        assertThat(source.paging()).isEqualTo(new RestSource.NextLinkPaging(Optional.empty()));
        assertThat(source.auth()).contains(new RestSource.HeaderAuth("Authorization",
                new RestSource.Secret("Basic bWlncmF0aW9uOnMzY3JldA==")));
        assertThat(source.retry()).isEqualTo(RestSource.Retry.DEFAULT);
    }

    @Test
    void cursorPagingOAuth2ARateATimeoutAndAnIncrementalParameter() throws IOException {
        describe("""
                rest:
                  url: https://crm.example/api/opportunities?limit=50
                  records: "$.records"
                  paging: {style: cursor, cursor: "$.next_cursor"}
                  auth:
                    oauth2:
                      tokenUrl: https://crm.example/oauth/token
                      clientId: cutover
                      clientSecret: "${env:CRM_TOKEN}"
                      scope: crm.read
                  retry: {attempts: 8, timeout: 10s}
                  requestsPerSecond: 2.5
                  incremental: {parameter: updated_since, field: updated_at}
                """);
        RestSource source = catalog().restSources("Account").get(0);
        RestSource.CursorPaging paging = (RestSource.CursorPaging) source.paging();
        assertThat(paging.cursor().getPath()).isEqualTo("$['next_cursor']");
        assertThat(paging.cursorParameter()).isEqualTo("cursor");
        assertThat(source.auth()).contains(new RestSource.OAuth2ClientCredentials(URI.create("https://crm.example/oauth/token"),
                new RestSource.Secret("cutover"), new RestSource.Secret("s3cret"), Optional.of("crm.read")));
        assertThat(source.retry()).isEqualTo(new RestSource.Retry(8, Duration.ofSeconds(1), Duration.ofSeconds(10)));
        assertThat(source.requestsPerSecond()).contains(2.5);
        assertThat(source.incremental()).contains(new RestSource.Incremental("updated_since", "updated_at", Optional.empty()));
        assertThat(source.watermarkStream()).isEqualTo("source/Account");
    }

    @Test
    void pageNumberPagingAndAnApiKey() throws IOException {
        describe("""
                rest:
                  url: https://crm.example/api/notes
                  records: "$.records"
                  paging: {style: page, size: 25, sizeParameter: per_page, total: "$.total"}
                  auth: {apiKey: {header: X-API-Key, value: "${env:CRM_TOKEN}"}}
                """);
        RestSource source = catalog().restSources("Account").get(0);
        RestSource.PageNumberPaging paging = (RestSource.PageNumberPaging) source.paging();
        assertThat(paging).extracting(RestSource.PageNumberPaging::pageParameter, RestSource.PageNumberPaging::firstPage,
                RestSource.PageNumberPaging::size, RestSource.PageNumberPaging::sizeParameter)
                .containsExactly("page", 1, Optional.of(25), "per_page");
        assertThat(paging.total().orElseThrow().getPath()).isEqualTo("$['total']");
        assertThat(source.auth()).contains(new RestSource.HeaderAuth("X-API-Key", new RestSource.Secret("s3cret")));
    }

    @Test
    void wrongNewKeysAreReportedWithFileAndKey() throws IOException {
        Path description = describe("""
                rest:
                  url: https://crm.example/api/notes
                  records: "$.records"
                  paging: {style: page, size: 0, firstPage: -1, pages: 3}
                  auth: {oauth2: {tokenUrl: "not a url", clientId: "${env:UNSET_ID}"}}
                  retry: {timeout: forever}
                  requestsPerSecond: 0
                  incremental: {parameter: updated_since}
                """);
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(description + ": rest.paging: unknown key 'pages'")
                .hasMessageContaining(description + ": rest.paging.size: '0' is not a number of records (1 or more)")
                .hasMessageContaining(description + ": rest.paging.firstPage: '-1' is not a page number (0 or more)")
                .hasMessageContaining(description + ": rest.auth.oauth2.tokenUrl: 'not a url' is not an http or https URL")
                .hasMessageContaining(description + ": rest.auth.oauth2.clientId: the environment variable UNSET_ID is not set")
                .hasMessageContaining(description + ": rest.auth.oauth2.clientSecret: missing")
                .hasMessageContaining(description + ": rest.retry.timeout: 'forever' is not a duration (e.g. 500ms, 2s)")
                .hasMessageContaining(description + ": rest.requestsPerSecond: '0' is not a number of calls per second above 0")
                .hasMessageContaining(description + ": rest.incremental.field: missing");
    }

    @Test
    void everyWrongKeyIsReportedWithFileAndKey() throws IOException {
        Path description = describe("""
                charset: UTF-8
                rest:
                  url: ftp://crm.example/accounts
                  records: "$.[records"
                  paging: {style: pages}
                  auth: {bearer: "${env:UNSET_TOKEN}"}
                  retry: {attempts: 0, backoff: soon}
                """);
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(description + ": unknown key 'charset' (a description with rest: has the keys")
                .hasMessageContaining(description + ": rest.url: 'ftp://crm.example/accounts' is not an http or https URL")
                .hasMessageContaining(description + ": rest.records: '$.[records' is not a JSONPath")
                .hasMessageContaining(description + ": rest.paging.style: 'pages' is not offset, page, cursor or next-link")
                .hasMessageContaining(description + ": rest.auth.bearer: the environment variable UNSET_TOKEN is not set")
                .hasMessageContaining(description + ": rest.retry.attempts: '0' is not a number of calls (1 or more)")
                .hasMessageContaining(description + ": rest.retry.backoff: 'soon' is not a duration (e.g. 500ms, 2s)");
    }

    @Test
    void anObjectDescribedTwiceIsReported() throws IOException {
        describe("rest: {url: 'http://crm.example/a', records: $.records, paging: {style: next-link, next: $.next}}\n");
        Files.writeString(dir.resolve("accounts.csv"), "account_id\n1\n");
        Path csv = Files.writeString(dir.resolve("sources").resolve("z-accounts.yaml"),
                "object: Account\nfile: accounts.csv\nlegacyId: account_id\n");
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(csv + ": object: Account is already described by");
    }

    @Test
    void theDemoDescriptionsOfTheSimulatorAreValid() {
        SourceCatalog catalog = new SourceCatalog(Path.of("sources-rest"), dir, Map.of("LEGACY_CRM_TOKEN", "t",
                "LEGACY_CRM_API_KEY", "k", "LEGACY_CRM_CLIENT_SECRET", "s")::get);
        assertThat(catalog.restSources("Account").get(0).paging()).isInstanceOf(RestSource.OffsetPaging.class);
        assertThat(catalog.restSources("Contact").get(0).paging()).isInstanceOf(RestSource.NextLinkPaging.class);
        assertThat(catalog.restSources("Opportunity").get(0).paging()).isInstanceOf(RestSource.CursorPaging.class);
        assertThat(catalog.restSources("Note").get(0).paging()).isInstanceOf(RestSource.PageNumberPaging.class);
    }
}
