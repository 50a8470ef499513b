package io.cutover.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST reader through the real camel-http client, against a scripted server: paging, authentication, pace,
 * retries and timeouts, incremental reads.
 */
class RestExportReaderTest {

    /** One scripted answer: status, headers as name/value pairs, body; {@code delayMs} before answering. */
    private record Answer(int status, String body, long delayMs, String... headers) {
        Answer(int status, String body, String... headers) {
            this(status, body, 0, headers);
        }
    }

    /** The timeout of the tests of timeouts; the others have all the time a cold start needs. */
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private HttpServer server;
    private ExecutorService serverThreads;
    private CamelContext camel;
    private ProducerTemplate template;
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private final Deque<Answer> tokenScript = new ConcurrentLinkedDeque<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> tokenRequests = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> answer(exchange, script, requests,
                exchange.getRequestURI() + " " + authentication(exchange)));
        server.createContext("/token", exchange -> answer(exchange, tokenScript, tokenRequests,
                exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        // a slow answer must not hold up the next call
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
        camel = new DefaultCamelContext();
        // as application.properties configures it for the application
        camel.getComponent("http", HttpComponent.class).setAutomaticRetriesDisabled(true);
        LegacyApiRoute.addTo(camel);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private static String authentication(HttpExchange exchange) {
        String apiKey = exchange.getRequestHeaders().getFirst("X-API-Key");
        return apiKey != null ? "key=" + apiKey : String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static void answer(HttpExchange exchange, Deque<Answer> answers, List<String> log, String request)
            throws IOException {
        log.add(request);
        Answer answer = answers.isEmpty() ? new Answer(404, "{}") : answers.poll();
        try {
            Thread.sleep(answer.delayMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < answer.headers().length; i += 2) {
            exchange.getResponseHeaders().add(answer.headers()[i], answer.headers()[i + 1]);
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientGaveUp) {
            // the client's timeout closed the connection first
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private RestSource source(String path, RestSource.Paging paging, int attempts) {
        return source(path, paging, new RestSource.Retry(attempts, Duration.ofMillis(1), Duration.ofSeconds(10)),
                Optional.of(RestSource.HeaderAuth.bearer("t0ken")), Optional.empty(), Optional.empty());
    }

    private RestSource source(String path, RestSource.Paging paging, RestSource.Retry retry,
            Optional<RestSource.Auth> auth, Optional<Double> requestsPerSecond, Optional<RestSource.Incremental> incremental) {
        return new RestSource(Path.of("sources/test.yaml"), "Contact", "id", URI.create(base() + path),
                JsonPath.compile("$.data.items"), paging, auth, retry, requestsPerSecond, incremental,
                Optional.empty());
    }

    private RestSource timingOut(int attempts) {
        return source("/c", new RestSource.OffsetPaging(5, "offset", "limit"),
                new RestSource.Retry(attempts, Duration.ofMillis(1), TIMEOUT), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private RestSource.OAuth2ClientCredentials oauth2() {
        return new RestSource.OAuth2ClientCredentials(URI.create(base() + "/token"), new RestSource.Secret("cutover"),
                new RestSource.Secret("s3cret"), Optional.of("read"));
    }

    private RestExportReader reader(RestSource source, Optional<String> watermark) {
        return new RestExportReader(source, new RestPages(template, source, new AccessTokens(template)), watermark);
    }

    private List<SourceRecord> readAll(RestSource source) {
        List<SourceRecord> records = new ArrayList<>();
        reader(source, Optional.empty()).forEachRemaining(records::add);
        return records;
    }

    private static String items(String... ids) {
        return "{\"data\":{\"items\":[" + String.join(",", List.of(ids).stream().map(id -> "{\"id\":\"" + id + "\"}")
                .toList()) + "]}}";
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
    void cursorPagingSendsBackTheTokenOfEachPageUntilThereIsNone() {
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"a\"},{\"id\":\"b\"}]},\"next_cursor\":\"c+2/=\"}"));
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"c\"}]},\"next_cursor\":\"c3\"}"));
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"d\"}]},\"next_cursor\":null}"));

        List<SourceRecord> records = readAll(source("/o?limit=2",
                new RestSource.CursorPaging(JsonPath.compile("$.next_cursor"), "after"), 1));

        assertThat(records).extracting(SourceRecord::legacyId).containsExactly("a", "b", "c", "d");
        assertThat(requests).containsExactly("/o?limit=2 Bearer t0ken", "/o?limit=2&after=c%2B2%2F%3D Bearer t0ken",
                "/o?limit=2&after=c3 Bearer t0ken");
    }

    @Test
    void pageNumberPagingStopsAtAShortPage() {
        script.add(new Answer(200, items("a", "b")));
        script.add(new Answer(200, items("c")));

        assertThat(readAll(source("/n", new RestSource.PageNumberPaging("page", 1, Optional.of(2), "page_size",
                Optional.empty()), 1))).extracting(SourceRecord::legacyId).containsExactly("a", "b", "c");
        assertThat(requests).containsExactly("/n?page=1&page_size=2 Bearer t0ken", "/n?page=2&page_size=2 Bearer t0ken");
    }

    @Test
    void pageNumberPagingWithoutASizeStopsAtAnEmptyPage() {
        script.add(new Answer(200, items("a", "b")));
        script.add(new Answer(200, items("c")));
        script.add(new Answer(200, items()));

        assertThat(readAll(source("/n", new RestSource.PageNumberPaging("p", 0, Optional.empty(), "page_size",
                Optional.empty()), 1))).extracting(SourceRecord::legacyId).containsExactly("a", "b", "c");
        assertThat(requests).containsExactly("/n?p=0 Bearer t0ken", "/n?p=1 Bearer t0ken", "/n?p=2 Bearer t0ken");
    }

    @Test
    void pageNumberPagingStopsWhenTheRecordsReadReachTheTotal() {
        script.add(new Answer(200, "{\"total\":4,\"data\":{\"items\":[{\"id\":\"a\"},{\"id\":\"b\"}]}}"));
        script.add(new Answer(200, "{\"total\":4,\"data\":{\"items\":[{\"id\":\"c\"},{\"id\":\"d\"}]}}"));

        assertThat(readAll(source("/n", new RestSource.PageNumberPaging("page", 1, Optional.of(2), "size",
                Optional.of(JsonPath.compile("$.total"))), 1))).extracting(SourceRecord::legacyId)
                .containsExactly("a", "b", "c", "d");
        assertThat(requests).hasSize(2);
    }

    @Test
    void aResumedReadAsksOnlyForThePagesAfterTheOnesWhollyStaged() {
        script.add(new Answer(200, items("e", "f")));
        script.add(new Answer(200, items("g")));

        ResumedRead resumed = new ResumedRead(reader(source("/c", new RestSource.OffsetPaging(2, "offset", "limit"), 1),
                Optional.empty()), 5);
        List<SourceRecord> handedOn = new ArrayList<>();
        resumed.forEachRemaining(handedOn::add);

        assertThat(requests).containsExactly("/c?offset=4&limit=2 Bearer t0ken", "/c?offset=6&limit=2 Bearer t0ken");
        assertThat(handedOn).extracting(SourceRecord::legacyId, SourceRecord::recordNumber)
                .containsExactly(tuple("f", 6L), tuple("g", 7L));
        assertThat(resumed.recordsRead()).isEqualTo(7);
        assertThat(resumed.recordsSkipped()).isEqualTo(5);
    }

    @Test
    void aResumedReadByPageNumberStartsAtThePageOfTheFirstRecordNotStaged() {
        script.add(new Answer(200, items("c", "d")));
        script.add(new Answer(200, items()));

        ResumedRead resumed = new ResumedRead(reader(source("/n", new RestSource.PageNumberPaging("page", 1,
                Optional.of(2), "size", Optional.empty()), 1), Optional.empty()), 2);
        List<SourceRecord> handedOn = new ArrayList<>();
        resumed.forEachRemaining(handedOn::add);

        assertThat(requests).containsExactly("/n?page=2&size=2 Bearer t0ken", "/n?page=3&size=2 Bearer t0ken");
        assertThat(handedOn).extracting(SourceRecord::legacyId, SourceRecord::recordNumber)
                .containsExactly(tuple("c", 3L), tuple("d", 4L));
    }

    @Test
    void aResumedReadFollowingNextLinksReadsThePagesStagedAgainButHandsOnlyTheRestOn() {
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"a\"},{\"id\":\"b\"}]},\"next\":\"/c?after=b\"}"));
        script.add(new Answer(200, items("c")));

        ResumedRead resumed = new ResumedRead(reader(source("/c", new RestSource.NextLinkPaging(
                Optional.of(JsonPath.compile("$.next"))), 1), Optional.empty()), 2);
        List<SourceRecord> handedOn = new ArrayList<>();
        resumed.forEachRemaining(handedOn::add);

        assertThat(requests).hasSize(2);
        assertThat(handedOn).extracting(SourceRecord::legacyId).containsExactly("c");
        assertThat(resumed.recordsRead()).isEqualTo(3);
    }

    @Test
    void aPageThatPointsAtItselfStopsTheExportInsteadOfLoopingForever() {
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"a\"}]},\"next\":\"/c\"}"));

        assertThatThrownBy(() -> readAll(source("/c", new RestSource.NextLinkPaging(Optional.of(JsonPath.compile("$.next"))), 1)))
                .isInstanceOf(RestExportException.class).hasMessageContaining("points at the same page again");
    }

    @Test
    void anIncrementalReadSendsTheWatermarkOnEveryPageAndNotesTheHighestChangeItReads() {
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"a\",\"changed\":\"2024-05-01T10:00:00.5Z\"},"
                + "{\"id\":\"b\",\"changed\":\"2024-05-01T10:00:01Z\"}]}}"));
        script.add(new Answer(200, "{\"data\":{\"items\":[{\"id\":\"c\",\"changed\":\"2024-05-01T10:00:00Z\"},{\"id\":\"d\"}]}}"));
        script.add(new Answer(200, items()));
        RestSource source = source("/c", new RestSource.OffsetPaging(2, "offset", "limit"), RestSource.Retry.DEFAULT,
                Optional.empty(), Optional.empty(), Optional.of(new RestSource.Incremental("since", "changed", Optional.empty())));
        RestExportReader reader = reader(source, Optional.of("2024-05-01T09:00:00Z"));

        List<String> ids = new ArrayList<>();
        while (reader.hasNext()) {
            assertThat(reader.completed()).isFalse();
            ids.add(reader.next().legacyId());
        }

        assertThat(ids).containsExactly("a", "b", "c", "d");
        assertThat(requests).containsExactly("/c?since=2024-05-01T09%3A00%3A00Z&offset=0&limit=2 null",
                "/c?since=2024-05-01T09%3A00%3A00Z&offset=2&limit=2 null",
                "/c?since=2024-05-01T09%3A00%3A00Z&offset=4&limit=2 null");
        assertThat(reader.completed()).isTrue();
        // as instants, not as text: "10:00:01Z" sorts before "10:00:00.5Z" as text
        assertThat(reader.highestSeen()).contains("2024-05-01T10:00:01Z");
    }

    @Test
    void withoutAWatermarkAnIncrementalReadReadsEverything() {
        script.add(new Answer(200, items("a")));
        RestSource source = source("/c", new RestSource.OffsetPaging(2, "offset", "limit"), RestSource.Retry.DEFAULT,
                Optional.empty(), Optional.empty(), Optional.of(new RestSource.Incremental("since", "changed", Optional.empty())));

        RestExportReader reader = reader(source, Optional.empty());
        reader.forEachRemaining(record -> { });

        assertThat(requests).containsExactly("/c?offset=0&limit=2 null");
        assertThat(reader.completed()).isTrue();
        assertThat(reader.highestSeen()).isEmpty();
    }

    @Test
    void anApiKeyGoesInItsHeader() {
        script.add(new Answer(200, items("a")));
        RestSource source = source("/c", new RestSource.NextLinkPaging(Optional.empty()), RestSource.Retry.DEFAULT,
                Optional.of(new RestSource.HeaderAuth("X-API-Key", new RestSource.Secret("k3y"))), Optional.empty(),
                Optional.empty());

        assertThat(readAll(source)).hasSize(1);
        assertThat(requests).containsExactly("/c key=k3y");
    }

    @Test
    void anOAuth2TokenIsAskedForOnceWithTheClientCredentialsAndUsedForEveryPage() {
        tokenScript.add(new Answer(200, "{\"access_token\":\"tok1\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        script.add(new Answer(200, items("a", "b")));
        script.add(new Answer(200, items("c")));
        RestSource source = source("/c", new RestSource.OffsetPaging(2, "offset", "limit"), RestSource.Retry.DEFAULT,
                Optional.of(oauth2()), Optional.empty(), Optional.empty());

        assertThat(readAll(source)).hasSize(3);
        assertThat(tokenRequests).containsExactly("POST Basic Y3V0b3ZlcjpzM2NyZXQ= grant_type=client_credentials&scope=read");
        assertThat(requests).containsExactly("/c?offset=0&limit=2 Bearer tok1", "/c?offset=2&limit=2 Bearer tok1");
    }

    @Test
    void aRefusedOAuth2TokenIsRenewedOnceAndTheCallMadeAgain() {
        tokenScript.add(new Answer(200, "{\"access_token\":\"tok1\",\"expires_in\":3600}"));
        tokenScript.add(new Answer(200, "{\"access_token\":\"tok2\",\"expires_in\":3600}"));
        script.add(new Answer(401, "{\"error\":\"invalid_token\"}"));
        script.add(new Answer(200, items("a")));
        RestSource source = source("/c", new RestSource.OffsetPaging(2, "offset", "limit"), RestSource.Retry.DEFAULT,
                Optional.of(oauth2()), Optional.empty(), Optional.empty());

        assertThat(readAll(source)).extracting(SourceRecord::legacyId).containsExactly("a");
        assertThat(requests).containsExactly("/c?offset=0&limit=2 Bearer tok1", "/c?offset=0&limit=2 Bearer tok2");
        assertThat(tokenRequests).hasSize(2);
    }

    @Test
    void aTokenRefusedTwiceFailsTheExportClearlyAfterOneRenewal() {
        tokenScript.add(new Answer(200, "{\"access_token\":\"tok1\",\"expires_in\":3600}"));
        tokenScript.add(new Answer(200, "{\"access_token\":\"tok2\",\"expires_in\":3600}"));
        script.add(new Answer(401, "{\"error\":\"invalid_token\"}"));
        script.add(new Answer(401, "{\"error\":\"invalid_token\"}"));
        RestSource source = source("/c", new RestSource.OffsetPaging(2, "offset", "limit"), RestSource.Retry.DEFAULT,
                Optional.of(oauth2()), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> readAll(source)).isInstanceOf(RestExportException.class)
                .hasMessage("GET " + base() + "/c?offset=0&limit=2 failed: HTTP 401 {\"error\":\"invalid_token\"}, also "
                        + "with a new token from " + base() + "/token: the API refuses the tokens of rest.auth.oauth2's "
                        + "client (sources/test.yaml)");
        assertThat(requests).hasSize(2);
        assertThat(tokenRequests).hasSize(2);
    }

    @Test
    void aTokenUrlThatRefusesTheClientFailsTheExportAtOnce() {
        tokenScript.add(new Answer(401, "{\"error\":\"invalid_client\"}"));
        RestSource source = source("/c", new RestSource.OffsetPaging(2, "offset", "limit"), RestSource.Retry.DEFAULT,
                Optional.of(oauth2()), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> readAll(source)).isInstanceOf(RestExportException.class)
                .hasMessageContaining("failed: no token: POST " + base() + "/token: HTTP 401 {\"error\":\"invalid_client\"} "
                        + "(the token URL refuses the client id, secret or scope)");
        assertThat(requests).isEmpty();
        assertThat(tokenRequests).hasSize(1);
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
    void aCallNotAnsweredWithinTheTimeoutIsRetriedLikeA5xx() {
        script.add(new Answer(200, items("late"), TIMEOUT.toMillis() * 3));
        script.add(new Answer(200, items("a")));

        assertThat(readAll(timingOut(2))).extracting(SourceRecord::legacyId).containsExactly("a");
        assertThat(requests).hasSize(2);
    }

    @Test
    void afterTheConfiguredAttemptsTheExportFailsNamingTheUrlTheAttemptsAndTheLastAnswer() {
        script.add(new Answer(503, "busy"));
        script.add(new Answer(429, "slow down", "Retry-After", "0"));
        RestSource source = source("/c", new RestSource.OffsetPaging(5, "offset", "limit"), 2);

        assertThatThrownBy(() -> readAll(source)).isInstanceOf(RestExportException.class)
                .hasMessage("GET " + base() + "/c?offset=0&limit=5 failed after 2 attempts (rest.retry.attempts); "
                        + "last answer: HTTP 429 slow down (sources/test.yaml)");
        assertThat(requests).hasSize(2);
    }

    @Test
    void whenTheLastAttemptTimesOutTheFailureSaysSo() {
        script.add(new Answer(200, items("late"), TIMEOUT.toMillis() * 3));
        script.add(new Answer(200, items("late"), TIMEOUT.toMillis() * 3));

        assertThatThrownBy(() -> readAll(timingOut(2)))
                .hasMessageContaining("failed after 2 attempts (rest.retry.attempts); last answer: no answer within "
                        + TIMEOUT.toMillis() + " ms (rest.retry.timeout)");
    }

    @Test
    void aFailedReadStaysFailedWithoutCallingAgain() {
        script.add(new Answer(500, "down"));
        RestExportReader reader = reader(source("/c", new RestSource.OffsetPaging(5, "offset", "limit"), 1), Optional.empty());

        assertThatThrownBy(reader::hasNext).isInstanceOf(RestExportException.class);
        // what Camel's splitter does after a failed split, to release its exchanges
        assertThat(reader.hasNext()).isFalse();
        assertThat(requests).hasSize(1);
        assertThat(reader.completed()).isFalse();
    }

    @Test
    void anUnauthorizedAnswerFailsAtOnce() {
        script.add(new Answer(401, "{\"error\":\"invalid token\"}"));
        RestSource source = source("/c", new RestSource.OffsetPaging(5, "offset", "limit"), 5);

        assertThatThrownBy(() -> readAll(source)).hasMessageContaining("HTTP 401 {\"error\":\"invalid token\"}");
        assertThat(requests).hasSize(1);
    }

    @Test
    void callsAreSpacedToTheRequestsPerSecond() {
        for (int page = 0; page < 4; page++) {
            script.add(new Answer(200, items("a", "b")));
        }
        script.add(new Answer(200, items()));
        RestSource source = source("/c", new RestSource.OffsetPaging(2, "offset", "limit"), RestSource.Retry.DEFAULT,
                Optional.empty(), Optional.of(10.0), Optional.empty());

        long start = System.nanoTime();
        assertThat(readAll(source)).hasSize(8);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // 5 calls, 100 ms apart
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
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
