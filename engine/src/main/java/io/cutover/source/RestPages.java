package io.cutover.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.http.Authorization;
import io.cutover.http.HttpEndpoints;
import io.cutover.http.RetryAfter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

/**
 * Fetches the pages of one REST export through camel-http, one call per page, at the source's pace, retrying as its
 * {@code retry} says: a 429 waits as long as its Retry-After asks; a 5xx, a call not answered within the timeout or not
 * answered at all waits the backoff, doubled each time. An OAuth2 token the API refuses (401) is renewed once.
 */
public class RestPages {

    /** One page as the API answered it. */
    public record Page(String url, JsonNode body, String linkHeader) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(RestPages.class);

    private final ProducerTemplate camel;
    private final RestSource source;
    private final AccessTokens tokens;
    private final RequestPace pace;
    /**
     * One camel-http endpoint per export ({@link HttpEndpoints}): HttpClient would otherwise retry a 429 or 503 by
     * itself, uncounted, waiting however long the server asks, where this class retries as the source description says.
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

    /** The first answer 2xx (or 4xx other than 429 when {@code clientErrorsAnswer}), after the retries it takes. */
    private Exchange call(String method, String url, JsonNode body, boolean clientErrorsAnswer) {
        URI uri = URI.create(url);
        RestSource.Retry retry = source.retry();
        Duration backoff = retry.backoff();
        String lastAnswer = null;
        boolean tokenRenewed = false;
        int attempt = 1;
        while (true) {
            Duration wait = backoff;
            try {
                // the turn first: a token checked before a long wait may have expired by the time of the call
                awaitTurn(method, url);
                Optional<RestSource.HeaderAuth> credential = credential(uri);
                Exchange answer = call(method, uri, body, credential);
                if (answer.getException() != null) {
                    lastAnswer = noAnswer(answer.getException(), retry.timeout());
                } else {
                    int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
                    if (status >= 200 && status < 300) {
                        return answer;
                    }
                    lastAnswer = "HTTP " + status + " " + snippet(answer.getMessage().getBody(String.class));
                    if (status == 401 && source.auth().orElse(null) instanceof RestSource.OAuth2ClientCredentials client
                            && credential.isPresent()) {
                        if (tokenRenewed) {
                            throw failure(method, url, ": " + lastAnswer + ", also with a new token from " + client.tokenUrl()
                                    + ": the API refuses the tokens of rest.auth.oauth2's client");
                        }
                        LOG.infof("%s %s: HTTP 401; renewing the OAuth2 token and calling again", method, url);
                        String refused = Authorization.bearerToken(credential.get().value().value()).orElseThrow();
                        tokens.renew(client, refused, retry.timeout());
                        tokenRenewed = true;
                        continue;
                    }
                    if (status == 429) {
                        wait = RetryAfter.wait(answer.getMessage().getHeader("Retry-After", String.class), backoff);
                    } else if (status < 500 && clientErrorsAnswer) {
                        return answer;
                    } else if (status < 500) {
                        throw failure(method, url, ": " + lastAnswer + " (not retried: a 4xx answer other than 429 does "
                                + "not change by asking again)");
                    }
                }
            } catch (AccessTokens.TokenRequestFailed e) {
                if (!e.retryable()) {
                    throw failure(method, url, ": no token: " + e.getMessage());
                }
                lastAnswer = "no token: " + e.getMessage();
            }
            if (attempt == retry.attempts()) {
                throw failure(method, url, " after " + attempt + " attempts (rest.retry.attempts); last answer: " + lastAnswer);
            }
            LOG.warnf("%s %s: %s; attempt %d of %d, next in %d ms", method, url, lastAnswer, attempt, retry.attempts(),
                    wait.toMillis());
            sleep(method, url, wait);
            backoff = backoff.multipliedBy(2);
            attempt++;
        }
    }

    private void awaitTurn(String method, String url) {
        try {
            pace.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(method, url, ": interrupted while waiting for its turn (rest.requestsPerSecond)");
        }
    }

    /** One call; the exchange holds the answer, or the exception when there was none. */
    private Exchange call(String method, URI uri, JsonNode body, Optional<RestSource.HeaderAuth> credential) {
        return camel.request(endpoint, exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
            if (body != null) {
                exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                exchange.getMessage().setBody(JSON.writeValueAsBytes(body));
            }
            exchange.getMessage().setHeader(Exchange.HTTP_URI, HttpEndpoints.withoutQuery(uri));
            exchange.getMessage().setHeader(Exchange.HTTP_QUERY, uri.getRawQuery());
            exchange.getMessage().setHeader("Accept", "application/json");
            credential.ifPresent(header -> exchange.getMessage().setHeader(header.header(), header.value().value()));
        });
    }

    /**
     * The header that authenticates a call to {@code uri}. The credential goes only to the server the description
     * names, not to another one a next link points at.
     */
    private Optional<RestSource.HeaderAuth> credential(URI uri) throws AccessTokens.TokenRequestFailed {
        if (source.auth().isEmpty() || !sameServer(uri, source.url())) {
            return Optional.empty();
        }
        if (source.auth().get() instanceof RestSource.OAuth2ClientCredentials client) {
            return Optional.of(RestSource.HeaderAuth.bearer(tokens.token(client, source.retry().timeout())));
        }
        return Optional.of((RestSource.HeaderAuth) source.auth().get());
    }

    /** The whole report of a call that failed: {@code detail} follows "GET <url> failed". */
    private RestExportException failure(String method, String url, String detail) {
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

    private void sleep(String method, String url, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(method, url, ": interrupted while waiting to retry");
        }
    }
}
