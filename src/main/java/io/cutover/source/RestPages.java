package io.cutover.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

/**
 * Fetches the pages of one REST export through camel-http, one call per page, retrying as the source's {@code retry}
 * says: a 429 waits as long as its Retry-After asks, a 5xx or a failed connection waits the backoff, doubled each time.
 */
public class RestPages {

    /** One page as the API answered it. */
    public record Page(String url, JsonNode body, String linkHeader) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(RestPages.class);

    private final ProducerTemplate camel;
    private final RestSource source;
    /**
     * One camel-http endpoint per export; each call names its page's URL in the CamelHttpUri and CamelHttpQuery headers.
     * HttpClient's own retries must be off (camel.component.http.automatic-retries-disabled, a component option): it
     * would retry a 429 or 503 by itself, uncounted, waiting however long the server asks, where this class retries as
     * the source description says.
     */
    private final String endpoint;

    public RestPages(ProducerTemplate camel, RestSource source) {
        this.camel = camel;
        this.source = source;
        URI url = source.url();
        this.endpoint = url.getScheme() + "://" + url.getRawAuthority() + "?throwExceptionOnFailure=false";
    }

    /** The page at {@code url}; an exception naming the URL and the last answer when every attempt failed. */
    public Page get(String url) throws IOException {
        URI uri = URI.create(url);
        Duration backoff = source.retry().backoff();
        String lastProblem = null;
        for (int attempt = 1; attempt <= source.retry().attempts(); attempt++) {
            Exchange answer = camel.request(endpoint, exchange -> {
                exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
                exchange.getMessage().setHeader(Exchange.HTTP_URI, withoutQuery(uri));
                exchange.getMessage().setHeader(Exchange.HTTP_QUERY, uri.getRawQuery());
                exchange.getMessage().setHeader("Accept", "application/json");
                if (sameServer(uri, source.url())) {
                    source.authorization().ifPresent(secret -> exchange.getMessage().setHeader("Authorization", secret.value()));
                }
            });
            Duration wait = backoff;
            if (answer.getException() != null) {
                lastProblem = "no answer: " + answer.getException().getMessage();
            } else {
                int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
                if (status >= 200 && status < 300) {
                    return new Page(url, parse(url, answer), answer.getMessage().getHeader("Link", String.class));
                }
                lastProblem = "HTTP " + status + " " + snippet(answer);
                if (status == 429) {
                    wait = retryAfter(answer.getMessage().getHeader("Retry-After", String.class), backoff);
                } else if (status < 500) {
                    throw new IOException("GET " + url + " failed: " + lastProblem + " (not retried: a 4xx answer "
                            + "other than 429 does not change by asking again)");
                }
            }
            if (attempt < source.retry().attempts()) {
                LOG.warnf("GET %s: %s; attempt %d of %d, next in %d ms", url, lastProblem, attempt,
                        source.retry().attempts(), wait.toMillis());
                sleep(wait);
                backoff = backoff.multipliedBy(2);
            }
        }
        throw new IOException("GET " + url + " failed after " + source.retry().attempts() + " attempts (rest.retry."
                + "attempts in " + source.description() + "); last answer: " + lastProblem);
    }

    /** The credential goes only to the server the description names, not to another one a next link points at. */
    private static boolean sameServer(URI page, URI source) {
        return page.getScheme().equals(source.getScheme()) && page.getRawAuthority().equalsIgnoreCase(source.getRawAuthority());
    }

    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static JsonNode parse(String url, Exchange answer) throws IOException {
        try (InputStream body = answer.getMessage().getBody(InputStream.class)) {
            if (body == null) {
                throw new IOException("GET " + url + " answered no body");
            }
            return JSON.readTree(body);
        }
    }

    /** The start of an error answer's body, which usually says what went wrong. */
    private static String snippet(Exchange answer) {
        String body = answer.getMessage().getBody(String.class);
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** Retry-After is seconds or an HTTP date; without one (or unreadable) the backoff applies. */
    static Duration retryAfter(String header, Duration backoff) {
        if (header == null || header.isBlank()) {
            return backoff;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return backoff;
            }
        }
    }

    private static void sleep(Duration wait) throws IOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", e);
        }
    }
}
