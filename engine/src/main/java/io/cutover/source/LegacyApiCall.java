package io.cutover.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.http.Authorization;
import io.cutover.http.HttpEndpoints;
import io.cutover.http.RetryAfter;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jboss.logging.Logger;

/**
 * One call to a legacy CRM's REST API on its way through routes/legacy-api.yaml, attempt after attempt, retried as
 * the source's {@code retry} says: a 429 waits as long as its Retry-After asks; a 5xx, a call not answered within the
 * timeout or not answered at all waits the backoff, doubled each time. An OAuth2 token the API refuses (401) is
 * renewed once. The route makes the waits; this says how long each is and judges each answer.
 */
final class LegacyApiCall {

    static final String ROUTE = "direct:legacy-api-call";
    static final String VARIABLE = "legacyApiCall";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(LegacyApiCall.class);

    private final RestPages pages;
    private final String method;
    private final String url;
    private final URI uri;
    private final JsonNode body;
    private final boolean clientErrorsAnswer;
    private final RestSource.Retry retry;

    private int attempt;
    private Duration backoff;
    /** Before the next attempt, besides the source's pace: the failed attempt's backoff, or what its 429 asked for. */
    private Duration retryWait = Duration.ZERO;
    private long waitMillis;
    private String lastAnswer;
    private boolean tokenRenewed;
    private Optional<RestSource.HeaderAuth> credential = Optional.empty();
    private boolean answered;

    LegacyApiCall(RestPages pages, String method, String url, JsonNode body, boolean clientErrorsAnswer) {
        this.pages = pages;
        this.method = method;
        this.url = url;
        this.uri = URI.create(url);
        this.body = body;
        this.clientErrorsAnswer = clientErrorsAnswer;
        this.retry = pages.source().retry();
        this.backoff = retry.backoff();
    }

    boolean answered() {
        return answered;
    }

    /** The camel-http endpoint of the source's server. */
    public String endpoint() {
        return pages.endpoint();
    }

    long waitMillis() {
        return waitMillis;
    }

    /** The next attempt's wait: its turn at the source's pace (rest.requestsPerSecond), after the retry's own wait. */
    void nextAttempt() {
        attempt++;
        waitMillis = pages.pace().turnAfter(retryWait).toMillis();
    }

    /**
     * The request on the message, in place of the last attempt's answer. Its credential is read now, after the wait:
     * a token checked before a long wait may have expired by the time of the call.
     */
    void request(Message message) throws Exception {
        message.removeHeaders("*");
        message.setBody(null);
        message.setHeader(Exchange.HTTP_METHOD, method);
        if (body != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
            message.setBody(JSON.writeValueAsBytes(body));
        }
        message.setHeader(Exchange.HTTP_URI, HttpEndpoints.withoutQuery(uri));
        message.setHeader(Exchange.HTTP_QUERY, uri.getRawQuery());
        message.setHeader("Accept", "application/json");
        credential = pages.credential(uri);
        credential.ifPresent(header -> message.setHeader(header.header(), header.value().value()));
    }

    /** The attempt's answer: the call's, another attempt, or the failure that ends the call. */
    void judge(Message answer) throws AccessTokens.TokenRequestFailed {
        int status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 200 && status < 300) {
            answered = true;
            return;
        }
        lastAnswer = "HTTP " + status + " " + RestPages.snippet(answer.getBody(String.class));
        if (status == 401 && pages.source().auth().orElse(null) instanceof RestSource.OAuth2ClientCredentials client
                && credential.isPresent()) {
            if (tokenRenewed) {
                throw pages.failure(method, url, ": " + lastAnswer + ", also with a new token from " + client.tokenUrl()
                        + ": the API refuses the tokens of rest.auth.oauth2's client");
            }
            LOG.infof("%s %s: HTTP 401; renewing the OAuth2 token and calling again", method, url);
            String refused = Authorization.bearerToken(credential.get().value().value()).orElseThrow();
            pages.tokens().renew(client, refused, retry.timeout());
            tokenRenewed = true;
            // not an attempt of those rest.retry.attempts counts
            attempt--;
            retryWait = Duration.ZERO;
            return;
        }
        if (status == 429) {
            retryLater(RetryAfter.wait(answer.getHeader("Retry-After", String.class), backoff));
        } else if (status < 500 && clientErrorsAnswer) {
            answered = true;
        } else if (status < 500) {
            throw pages.failure(method, url, ": " + lastAnswer + " (not retried: a 4xx answer other than 429 does "
                    + "not change by asking again)");
        } else {
            retryLater(backoff);
        }
    }

    /** The attempt got no answer, or no token to make it with. */
    void unanswered(Exception failure) {
        if (failure instanceof AccessTokens.TokenRequestFailed noToken) {
            if (!noToken.retryable()) {
                throw pages.failure(method, url, ": no token: " + noToken.getMessage());
            }
            lastAnswer = "no token: " + noToken.getMessage();
        } else {
            lastAnswer = RestPages.noAnswer(failure, retry.timeout());
        }
        retryLater(backoff);
    }

    private void retryLater(Duration wait) {
        if (attempt >= retry.attempts()) {
            throw pages.failure(method, url, " after " + attempt + " attempts (rest.retry.attempts); last answer: " + lastAnswer);
        }
        LOG.warnf("%s %s: %s; attempt %d of %d, next in %d ms", method, url, lastAnswer, attempt, retry.attempts(),
                wait.toMillis());
        retryWait = wait;
        backoff = backoff.multipliedBy(2);
    }
}
