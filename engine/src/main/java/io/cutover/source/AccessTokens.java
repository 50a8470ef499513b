package io.cutover.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutover.http.Authorization;
import io.cutover.http.HttpEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.inject.Singleton;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * OAuth2 client-credentials tokens, one per client, asked for through camel-http and kept for every call and every read
 * until 90% of their lifetime ({@code expires_in}) has passed or an API refuses them.
 *
 * <p>Not camel-http's own oauth2 options: they keep a token per request URL, query included, so every page of a read
 * would ask for a new token, and a token the API refuses before its time is not renewed.
 */
@Singleton
public class AccessTokens {

    /** Why a token could not be had; {@link #retryable} when asking again later may succeed (5xx, no answer). */
    public static final class TokenRequestFailed extends IOException {
        private final boolean retryable;

        TokenRequestFailed(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private record Token(String value, Optional<Instant> renewAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The share of a token's lifetime after which it is renewed before use, so no call goes out with one about to end. */
    private static final double USABLE_SHARE_OF_LIFETIME = 0.9;

    private final ProducerTemplate camel;
    private final Map<RestSource.OAuth2ClientCredentials, Token> tokens = new ConcurrentHashMap<>();

    public AccessTokens(ProducerTemplate camel) {
        this.camel = camel;
    }

    /** The client's token: the one it has while it is fresh, else a new one from the token URL. */
    public synchronized String token(RestSource.OAuth2ClientCredentials client, Duration timeout) throws TokenRequestFailed {
        Token token = tokens.get(client);
        if (token == null || token.renewAt().map(at -> !Instant.now().isBefore(at)).orElse(false)) {
            token = request(client, timeout);
            tokens.put(client, token);
        }
        return token.value();
    }

    /**
     * A new token in place of {@code refused}, which an API answered 401 to; when another read has renewed it already,
     * the token it got.
     */
    public synchronized String renew(RestSource.OAuth2ClientCredentials client, String refused, Duration timeout)
            throws TokenRequestFailed {
        Token token = tokens.get(client);
        if (token == null || token.value().equals(refused)) {
            token = request(client, timeout);
            tokens.put(client, token);
        }
        return token.value();
    }

    private Token request(RestSource.OAuth2ClientCredentials client, Duration timeout) throws TokenRequestFailed {
        URI url = client.tokenUrl();
        String form = "grant_type=client_credentials"
                + client.scope().map(scope -> "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)).orElse("");
        // RFC 6749 2.3.1: the client authenticates with HTTP Basic, id and secret form-encoded first.
        String credentials = Authorization.basic(URLEncoder.encode(client.clientId().value(), StandardCharsets.UTF_8),
                URLEncoder.encode(client.clientSecret().value(), StandardCharsets.UTF_8));
        Instant askedAt = Instant.now();
        Exchange answer = camel.request(HttpEndpoints.forServer(url, timeout), exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getMessage().setHeader(Exchange.HTTP_URI, HttpEndpoints.withoutQuery(url));
            exchange.getMessage().setHeader(Exchange.HTTP_QUERY, url.getRawQuery());
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
            exchange.getMessage().setHeader("Accept", "application/json");
            exchange.getMessage().setHeader(Authorization.HEADER, credentials);
            exchange.getMessage().setBody(form);
        });
        String where = "POST " + url;
        if (answer.getException() != null) {
            throw new TokenRequestFailed(where + ": " + RestPages.noAnswer(answer.getException(), timeout), true);
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = answer.getMessage().getBody(String.class);
        if (status < 200 || status >= 300) {
            throw new TokenRequestFailed(where + ": HTTP " + status + " " + RestPages.snippet(body)
                    + (status == 400 || status == 401 ? " (the token URL refuses the client id, secret or scope)" : ""),
                    status >= 500 || status == 429);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            json = null;
        }
        JsonNode accessToken = json == null ? null : json.get("access_token");
        if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw new TokenRequestFailed(where + ": the answer is not a token (JSON with an access_token): "
                    + RestPages.snippet(body), false);
        }
        String expiresIn = json.path("expires_in").asText().strip();
        Optional<Instant> renewAt = expiresIn.matches("\\d{1,9}")
                ? Optional.of(askedAt.plusMillis((long) (Long.parseLong(expiresIn) * 1000 * USABLE_SHARE_OF_LIFETIME)))
                : Optional.empty();
        return new Token(accessToken.asText(), renewAt);
    }
}
