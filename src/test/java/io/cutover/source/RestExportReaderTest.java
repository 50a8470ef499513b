package io.cutover.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST reader through the real camel-http client, against a scripted server: paging, authentication, retries. */
class RestExportReaderTest {

    /** One scripted answer: status, headers as name/value pairs, body. */
    private record Answer(int status, String body, String... headers) {
    }

    private HttpServer server;
    private CamelContext camel;
    private ProducerTemplate template;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        camel = new DefaultCamelContext();
        // as application.properties configures it for the application
        camel.getComponent("http", HttpComponent.class).setAutomaticRetriesDisabled(true);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        Answer answer = script.isEmpty() ? new Answer(404, "{}") : script.poll();
        for (int i = 0; i < answer.headers().length; i += 2) {
            exchange.getResponseHeaders().add(answer.headers()[i], answer.headers()[i + 1]);
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private RestSource source(String path, RestSource.Paging paging, int attempts) {
        return new RestSource(Path.of("sources/test.yaml"), "Contact", "id", URI.create(base() + path),
                JsonPath.compile("$.data.items"), paging, Optional.of(new RestSource.Secret("Bearer t0ken")),
                new RestSource.Retry(attempts, Duration.ofMillis(1)));
    }

    private List<SourceRecord> readAll(RestSource source) {
        List<SourceRecord> records = new ArrayList<>();
        new RestExportReader(source, new RestPages(template, source)).forEachRemaining(records::add);
        return records;
    }

    @Test
    void offsetPagingAsksForPagesUntilOneIsShort() {
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"a\",\"n\":1},{\"id\":\"b\",\"n\":null}]}}"));
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"c\",\"tags\":[\"x\"]}]}}"));

        List<SourceRecord> records = readAll(source("/contacts?kind=all", new RestSource.OffsetPaging(2, "offset", "limit"), 1));

        assertThat(requests).containsExactly("/contacts?kind=all&offset=0&limit=2 Bearer t0ken",
                "/contacts?kind=all&offset=2&limit=2 Bearer t0ken");
        assertThat(records).extracting(SourceRecord::legacyId).containsExactly("a", "b", "c");
        assertThat(records.get(0).values()).containsEntry("n", "1");
        assertThat(records.get(1).values()).containsEntry("n", "");
        assertThat(records.get(2).values()).containsEntry("tags", "[\"x\"]");
        assertThat(records.get(2).sourceRef()).isEqualTo(base() + "/contacts?kind=all&offset=2&limit=2 page 2 position 1 (record 3)");
    }

    @Test
    void nextLinkPagingFollowsTheLinkInTheBodyRelativeOrAbsolute() {
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"a\"}]},\"next\":\"/contacts?page=2\"}"));
        script.add(new Answer(200, "{\"data\":{\"items\":[]},\"next\":\"" + base() + "/contacts?page=3\"}"));
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"b\"}]},\"next\":null}"));

        List<SourceRecord> records = readAll(source("/contacts", new RestSource.NextLinkPaging(Optional.of(JsonPath.compile("$.next"))), 1));

        assertThat(records).extracting(SourceRecord::legacyId).containsExactly("a", "b");
        assertThat(requests).containsExactly("/contacts Bearer t0ken", "/contacts?page=2 Bearer t0ken", "/contacts?page=3 Bearer t0ken");
    }

    @Test
    void nextLinkPagingFollowsTheLinkHeader() {
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"a\"}]}}", "Link", "<" + base() + "/c?p=2>; rel=\"next\", </c?p=9>; rel=\"last\""));
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"b\"}]}}", "Link", "</c?p=1>; rel=\"first\""));

        assertThat(readAll(source("/c", new RestSource.NextLinkPaging(Optional.empty()), 1)))
                .extracting(SourceRecord::legacyId).containsExactly("a", "b");
        assertThat(requests).containsExactly("/c Bearer t0ken", "/c?p=2 Bearer t0ken");
    }

    @Test
    void a429AndA5xxAreRetriedAndThePageIsReadOnce() {
        script.add(new Answer(429, "{\"error\":\"slow down\"}", "Retry-After", "0"));
        script.add(new Answer(503, "unavailable"));
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"a\"}]}}"));

        assertThat(readAll(source("/c", new RestSource.OffsetPaging(5, "offset", "limit"), 3)))
                .extracting(SourceRecord::legacyId).containsExactly("a");
        assertThat(requests).hasSize(3).allMatch(request -> request.startsWith("/c?offset=0&limit=5"));
    }

    @Test
    void afterTheConfiguredAttemptsTheExportFailsNamingTheUrlAndTheLastAnswer() {
        script.add(new Answer(503, "busy"));
        script.add(new Answer(429, "slow down", "Retry-After", "0"));
        RestSource source = source("/c", new RestSource.OffsetPaging(5, "offset", "limit"), 2);

        assertThatThrownBy(() -> readAll(source)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("GET " + base() + "/c?offset=0&limit=5 failed after 2 attempts")
                .hasMessageContaining("HTTP 429 slow down");
        assertThat(requests).hasSize(2);
    }

    @Test
    void anUnauthorizedAnswerFailsAtOnce() {
        script.add(new Answer(401, "{\"error\":\"invalid token\"}"));
        RestSource source = source("/c", new RestSource.OffsetPaging(5, "offset", "limit"), 5);

        assertThatThrownBy(() -> readAll(source)).hasMessageContaining("HTTP 401 {\"error\":\"invalid token\"}");
        assertThat(requests).hasSize(1);
    }

    @Test
    void theRetryAfterHeaderIsSecondsOrADate() {
        assertThat(RestPages.retryAfter("7", Duration.ofMillis(3))).isEqualTo(Duration.ofSeconds(7));
        assertThat(RestPages.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Duration.ofMillis(3))).isEqualTo(Duration.ZERO);
        assertThat(RestPages.retryAfter(null, Duration.ofMillis(3))).isEqualTo(Duration.ofMillis(3));
    }

    @Test
    void theCredentialIsNotSentToAnotherServerANextLinkPointsAt() {
        String otherAuthority = "http://localhost:" + server.getAddress().getPort();
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"a\"}]},\"next\":\"" + otherAuthority + "/c?page=2\"}"));
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"b\"}]}}"));

        assertThat(readAll(source("/c", new RestSource.NextLinkPaging(Optional.of(JsonPath.compile("$.next"))), 1)))
                .extracting(SourceRecord::legacyId).containsExactly("a", "b");
        assertThat(requests).containsExactly("/c Bearer t0ken", "/c?page=2 null");
    }
}
