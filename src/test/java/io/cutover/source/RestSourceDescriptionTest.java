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
        RestSource source = catalog.findRest("Account").orElseThrow();
        assertThat(catalog.describes("Account")).isTrue();
        assertThat(catalog.header("Account")).isNull();
        assertThat(source.url()).isEqualTo(URI.create("http://crm.example/api/accounts?active=true"));
        assertThat(source.records().getPath()).isEqualTo("$['records']");
        assertThat(source.paging()).isEqualTo(new RestSource.OffsetPaging(200, "offset", "limit"));
        assertThat(source.authorization().orElseThrow().value()).isEqualTo("Bearer s3cret");
        assertThat(source.authorization().orElseThrow().toString()).doesNotContain("s3cret");
        assertThat(source.retry()).isEqualTo(new RestSource.Retry(3, Duration.ofMillis(500)));
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
        RestSource source = catalog().findRest("Account").orElseThrow();
        assertThat(source.paging()).isEqualTo(new RestSource.NextLinkPaging(Optional.empty()));
        assertThat(source.authorization().orElseThrow().value()).isEqualTo("Basic bWlncmF0aW9uOnMzY3JldA==");
        assertThat(source.retry()).isEqualTo(RestSource.Retry.DEFAULT);
    }

    @Test
    void everyWrongKeyIsReportedWithFileAndKey() throws IOException {
        Path description = describe("""
                charset: UTF-8
                rest:
                  url: ftp://crm.example/accounts
                  records: "$.[records"
                  paging: {style: cursor}
                  auth: {bearer: "${env:UNSET_TOKEN}"}
                  retry: {attempts: 0, backoff: soon}
                """);
        assertThatThrownBy(this::catalog).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(description + ": unknown key 'charset' (a description with rest: has the keys")
                .hasMessageContaining(description + ": rest.url: 'ftp://crm.example/accounts' is not an http or https URL")
                .hasMessageContaining(description + ": rest.records: '$.[records' is not a JSONPath")
                .hasMessageContaining(description + ": rest.paging.style: 'cursor' is not offset or next-link")
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
        SourceCatalog catalog = new SourceCatalog(Path.of("sources-rest"), dir, Map.of("LEGACY_CRM_TOKEN", "t")::get);
        assertThat(catalog.findRest("Account").orElseThrow().paging()).isInstanceOf(RestSource.OffsetPaging.class);
        assertThat(catalog.findRest("Contact").orElseThrow().paging()).isInstanceOf(RestSource.NextLinkPaging.class);
    }
}
