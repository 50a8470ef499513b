package io.cutover.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.http.HttpEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Fetches the pages of one REST export through camel-http, one call per page, and makes the reverse sync's calls for
 * one record: each through routes/legacy-api.yaml, which waits the source's pace and retries as its {@code retry} says
 * ({@link LegacyApiCall}).
 */
public class RestPages {

    /** One page as the API answered it. */
    public record Page(String url, JsonNode body, String linkHeader) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProducerTemplate camel;
    private final RestSource source;
    private final AccessTokens tokens;
    private final RequestPace pace;
    /**
     * One camel-http endpoint per export ({@link HttpEndpoints}): HttpClient would otherwise retry a 429 or 503 by
     * itself, uncounted, waiting however long the server asks, where routes/legacy-api.yaml retries as the source
     * description says.
     */
    private final String endpoint;

    public RestPages(ProducerTemplate camel, RestSource source, AccessTokens tokens) {
        this.camel = camel;
        this.source = source;
        this.tokens = tokens;
        this.pace = new RequestPace(source.requestsPerSecond());
        this.endpoint = HttpEndpoints.forServer(source.url(), source.retry().timeout());
    }

    /** The page at {@code url}; a {@link RestExportException} naming the URL and the last answer when every attempt failed. */
    public Page get(String url) {
        Exchange answer = call("GET", url, null, false);
        return new Page(url, parse("GET", url, answer), answer.getMessage().getHeader("Link", String.class));
    }

    /** The answer to a call that reads or writes one record: its status, and its body when it has one. */
    public record Answer(int status, JsonNode body) {
    }

    /**
     * A call that reads or writes one record (the reverse sync), with a JSON body or none, retried as a page is. An
     * answer 4xx other than 429 comes back as it is, for the caller to judge (a 404: no such record); a
     * {@link RestExportException} when no attempt got another answer.
     */
    public Answer send(String method, String url, JsonNode body) {
        Exchange answer = call(method, url, body, true);
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String text = answer.getMessage().getBody(String.class);
        if (text == null || text.isBlank()) {
            return new Answer(status, null);
        }
        try {
            return new Answer(status, JSON.readTree(text));
        } catch (IOException e) {
            if (status >= 400) {
                return new Answer(status, JSON.getNodeFactory().textNode(snippet(text)));
            }
            throw failure(method, url, ": the answer is not JSON: " + e.getMessage());
        }
    }

    /**
     * The first answer 2xx (or 4xx other than 429 when {@code clientErrorsAnswer}), after the attempts and waits that
     * routes/legacy-api.yaml makes of it.
     */
    private Exchange call(String method, String url, JsonNode body, boolean clientErrorsAnswer) {
        LegacyApiCall call = new LegacyApiCall(this, method, url, body, clientErrorsAnswer);
        Exchange answer = camel.request(LegacyApiCall.ROUTE, exchange -> exchange.setVariable(LegacyApiCall.VARIABLE, call));
        Exception failure = answer.getException();
        if (failure instanceof RestExportException refused) {
            throw refused;
        }
        if (failure != null) {
            throw failure(method, url, ": " + failure.getMessage());
        }
        return answer;
    }

    RestSource source() {
        return source;
    }

    AccessTokens tokens() {
        return tokens;
    }

    RequestPace pace() {
        return pace;
    }

    String endpoint() {
        return endpoint;
    }

    /**
     * The header that authenticates a call to {@code uri}. The credential goes only to the server the description
     * names, not to another one a next link points at.
     */
    Optional<RestSource.HeaderAuth> credential(URI uri) throws AccessTokens.TokenRequestFailed {
        if (source.auth().isEmpty() || !sameServer(uri, source.url())) {
            return Optional.empty();
        }
        if (source.auth().get() instanceof RestSource.OAuth2ClientCredentials client) {
            return Optional.of(RestSource.HeaderAuth.bearer(tokens.token(client, source.retry().timeout())));
        }
        return Optional.of((RestSource.HeaderAuth) source.auth().get());
    }

    /** The whole report of a call that failed: {@code detail} follows "GET <url> failed". */
    RestExportException failure(String method, String url, String detail) {
        return new RestExportException(method + " " + url + " failed" + detail + " (" + source.description() + ")");
    }

    private static boolean sameServer(URI page, URI source) {
        return page.getScheme().equals(source.getScheme()) && page.getRawAuthority().equalsIgnoreCase(source.getRawAuthority());
    }

    /** What a call that got no answer ran into: the timeout, or the connection's failure. */
    static String noAnswer(Exception e, Duration timeout) {
        if (e instanceof InterruptedIOException) {
            return "no answer within " + timeout.toMillis() + " ms (rest.retry.timeout)";
        }
        return "no answer: " + e.getMessage();
    }

    private JsonNode parse(String method, String url, Exchange answer) {
        try (InputStream body = answer.getMessage().getBody(InputStream.class)) {
            if (body == null) {
                throw failure(method, url, ": the answer has no body");
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            throw failure(method, url, ": the answer is not JSON: " + e.getMessage());
        }
    }

    /** The start of an error answer's body, which usually says what went wrong. */
    static String snippet(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
